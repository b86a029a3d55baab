package io.gangway.dispatcher.protocol;

import static java.util.Objects.requireNonNull;

import io.gangway.api.ClusterSecret;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * The segment's first check on a dispatcher connection, between the frame decoder and the message
 * decoder: the first frame (the QE startup) must begin with the cluster's secret
 * ({@link ClusterSecret#LENGTH} bytes, compared in constant time), then the fingerprint of the
 * serialization's allow-list (a QD with other extensions would number classes otherwise). A
 * connection whose first frame does not is closed and logged (WARN, with its remote address) before
 * anything it sent is deserialized; one that does has both stripped from that frame and this
 * handler removed, so the rest flows to the decoder.
 */
final class ClusterSecretCheck extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(ClusterSecretCheck.class.getName());

    private final ClusterSecret secret;
    private final KryoSerialization serialization;

    ClusterSecretCheck(ClusterSecret secret, KryoSerialization serialization) {
        this.secret = requireNonNull(secret, "secret is null");
        this.serialization = requireNonNull(serialization, "serialization is null");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        String refusal = null;
        try {
            if (frame.readableBytes() < ClusterSecret.LENGTH + KryoSerialization.FINGERPRINT_LENGTH) {
                refusal = "its startup did not present the cluster secret";
            } else {
                byte[] candidate = new byte[ClusterSecret.LENGTH];
                frame.readBytes(candidate);
                byte[] fingerprint = new byte[KryoSerialization.FINGERPRINT_LENGTH];
                frame.readBytes(fingerprint);
                if (!secret.matches(candidate)) {
                    refusal = "its startup did not present the cluster secret";
                } else if (!serialization.matchesFingerprint(fingerprint)) {
                    refusal = "its serializable classes differ from this segment's (are the same extensions installed?)";
                }
            }
        } finally {
            if (refusal != null) {
                ReferenceCountUtil.release(frame);
            }
        }
        if (refusal != null) {
            LOG.log(System.Logger.Level.WARNING, "dispatch connection from {0} closed: {1}", ctx.channel().remoteAddress(),
                    refusal);
            ctx.close();
            return;
        }
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(frame);
    }
}
