package io.gangway.interconnect.tcp;

import io.gangway.api.ClusterSecret;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * The first handler of a connection a sender opened to this process: it reads the handshake frame's
 * bytes in place and lets the connection on only if they present this cluster's secret. A stranger
 * (wrong or missing secret, not our protocol, another version) is logged and hung up on before any
 * other byte it sent is decoded, and before a frame length it sent is trusted: the gate reads exactly
 * one handshake's bytes. An accepted handshake goes on to the frame decoder and the gate leaves the
 * pipeline, passing on whatever followed it.
 */
final class HandshakeGate extends ByteToMessageDecoder {
    private static final System.Logger LOG = System.getLogger(HandshakeGate.class.getName());
    private static final int TYPE_OFFSET = IcFrames.LENGTH_FIELD_SIZE;
    private static final int VERSION_OFFSET = TYPE_OFFSET + IcFrames.TYPE_SIZE;
    private static final int SECRET_OFFSET = VERSION_OFFSET + 4;

    private final ClusterSecret secret;
    private boolean refused;

    HandshakeGate(ClusterSecret secret) {
        this.secret = secret;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (refused) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int start = in.readerIndex();
        if (in.readableBytes() >= IcFrames.LENGTH_FIELD_SIZE
                && in.getInt(start) != IcFrames.TYPE_SIZE + IcFrames.HANDSHAKE_PAYLOAD_SIZE) {
            refuse(ctx, in, "its first frame is not an interconnect handshake");
            return;
        }
        if (in.readableBytes() < IcFrames.HANDSHAKE_FRAME_SIZE) {
            return;
        }
        if (in.getByte(start + TYPE_OFFSET) != IcFrames.HANDSHAKE) {
            refuse(ctx, in, "its first frame is not an interconnect handshake");
            return;
        }
        int version = in.getInt(start + VERSION_OFFSET);
        if (version != IcFrames.PROTOCOL_VERSION) {
            refuse(ctx, in, "it speaks interconnect protocol version " + version + ", not " + IcFrames.PROTOCOL_VERSION);
            return;
        }
        byte[] presented = new byte[ClusterSecret.LENGTH];
        in.getBytes(start + SECRET_OFFSET, presented);
        if (!secret.matches(presented)) {
            refuse(ctx, in, "it did not present the cluster secret");
            return;
        }
        out.add(in.readRetainedSlice(IcFrames.HANDSHAKE_FRAME_SIZE));
        ctx.pipeline().remove(this);
    }

    private void refuse(ChannelHandlerContext ctx, ByteBuf in, String why) {
        refused = true;
        in.skipBytes(in.readableBytes());
        LOG.log(System.Logger.Level.WARNING, "closed interconnect connection from {0}: {1}", ctx.channel().remoteAddress(), why);
        ctx.close();
    }
}
