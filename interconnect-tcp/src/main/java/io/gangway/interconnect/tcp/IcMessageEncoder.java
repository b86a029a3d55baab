package io.gangway.interconnect.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;

/** Writes each {@link IcMessage} as one frame ({@link IcFrames}). Stateless, so shared. */
@Sharable
final class IcMessageEncoder extends MessageToByteEncoder<IcMessage> {
    static final IcMessageEncoder INSTANCE = new IcMessageEncoder();

    private IcMessageEncoder() {
        super(IcMessage.class);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, IcMessage msg, boolean preferDirect) {
        // sized exactly, so a 1 MB chunk is copied once instead of through a growing buffer
        return ctx.alloc().ioBuffer(IcFrames.LENGTH_FIELD_SIZE + IcFrames.TYPE_SIZE + payloadSize(msg));
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, IcMessage msg, ByteBuf out) {
        switch (msg) {
            case IcMessage.Handshake h -> {
                header(out, IcFrames.HANDSHAKE, IcFrames.HANDSHAKE_PAYLOAD_SIZE);
                out.writeInt(IcFrames.PROTOCOL_VERSION);
                out.writeBytes(h.secret().bytes());
                out.writeLong(h.key().sessionId());
                out.writeLong(h.key().commandId());
                out.writeInt(h.key().sendingSlice());
                out.writeInt(h.senderIndex());
                out.writeInt(h.receiverIndex());
            }
            case IcMessage.Data d -> {
                header(out, IcFrames.DATA, d.chunk().length);
                out.writeBytes(d.chunk());
            }
            case IcMessage.EndOfStream e -> header(out, IcFrames.END_OF_STREAM, 0);
            case IcMessage.Error e -> {
                byte[] text = e.message().getBytes(StandardCharsets.UTF_8);
                header(out, IcFrames.ERROR, text.length);
                out.writeBytes(text);
            }
            case IcMessage.Stop s -> header(out, IcFrames.STOP, 0);
        }
    }

    /** The bytes a message takes on the wire, for the channel's size estimator. */
    static int frameSize(IcMessage msg) {
        return IcFrames.LENGTH_FIELD_SIZE + IcFrames.TYPE_SIZE + payloadSize(msg);
    }

    private static int payloadSize(IcMessage msg) {
        return switch (msg) {
            case IcMessage.Handshake h -> IcFrames.HANDSHAKE_PAYLOAD_SIZE;
            case IcMessage.Data d -> d.chunk().length;
            case IcMessage.EndOfStream e -> 0;
            case IcMessage.Error e -> e.message().length() * 3; // an upper bound of its UTF-8 length
            case IcMessage.Stop s -> 0;
        };
    }

    private static void header(ByteBuf out, byte type, int payloadLength) {
        out.writeInt(IcFrames.TYPE_SIZE + payloadLength);
        out.writeByte(type);
    }
}
