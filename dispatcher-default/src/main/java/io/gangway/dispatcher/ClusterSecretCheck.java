package io.gangway.dispatcher;

import static java.util.Objects.requireNonNull;

import io.gangway.api.ClusterSecret;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * The segment's first check on a dispatcher connection, between the frame decoder and the message
 * decoder: the first frame (the QE startup) must begin with the cluster's secret
 * ({@link ClusterSecret#LENGTH} bytes, compared in constant time). A connection whose first frame
 * does not is closed and logged before anything it sent is deserialized; one that does has the
 * secret stripped from that frame and this handler removed, so the rest flows to the decoder.
 */
final class ClusterSecretCheck extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(ClusterSecretCheck.class.getName());

    private final ClusterSecret secret;

    ClusterSecretCheck(ClusterSecret secret) {
        this.secret = requireNonNull(secret, "secret is null");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        boolean presented = false;
        try {
            if (frame.readableBytes() >= ClusterSecret.LENGTH) {
                byte[] candidate = new byte[ClusterSecret.LENGTH];
                frame.readBytes(candidate);
                presented = secret.matches(candidate);
            }
        } finally {
            if (!presented) {
                ReferenceCountUtil.release(frame);
            }
        }
        if (!presented) {
            LOG.log(System.Logger.Level.WARNING, "dispatch connection from {0} closed: its startup did not present"
                    + " the cluster secret", ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(frame);
    }
}
