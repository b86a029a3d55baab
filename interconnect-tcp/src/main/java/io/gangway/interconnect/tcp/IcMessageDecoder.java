package io.gangway.interconnect.tcp;

import io.gangway.api.ClusterSecret;
import io.gangway.spi.interconnect.MotionStreamKey;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns a frame (length already stripped by the frame decoder) into an {@link IcMessage}. Chunks are
 * copied out into arrays here, so no buffer leaves the pipeline and every frame is released by
 * {@link MessageToMessageDecoder}. Stateless, so shared.
 */
@Sharable
final class IcMessageDecoder extends MessageToMessageDecoder<ByteBuf> {
    static final IcMessageDecoder INSTANCE = new IcMessageDecoder();

    private IcMessageDecoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        if (!frame.isReadable()) {
            throw new CorruptedFrameException("empty interconnect frame");
        }
        byte type = frame.readByte();
        out.add(switch (type) {
            case IcFrames.HANDSHAKE -> handshake(frame);
            case IcFrames.DATA -> new IcMessage.Data(ByteBufUtil.getBytes(frame));
            case IcFrames.END_OF_STREAM -> empty(frame, IcMessage.EndOfStream.INSTANCE);
            case IcFrames.ERROR -> new IcMessage.Error(frame.toString(StandardCharsets.UTF_8));
            case IcFrames.STOP -> empty(frame, IcMessage.Stop.INSTANCE);
            default -> throw new CorruptedFrameException("unknown interconnect frame type " + (type & 0xff));
        });
        frame.skipBytes(frame.readableBytes());
    }

    private static IcMessage handshake(ByteBuf frame) {
        if (frame.readableBytes() != IcFrames.HANDSHAKE_PAYLOAD_SIZE) {
            throw new CorruptedFrameException("bad interconnect handshake length " + frame.readableBytes());
        }
        int version = frame.readInt();
        if (version != IcFrames.PROTOCOL_VERSION) {
            throw new CorruptedFrameException("unsupported interconnect protocol version " + version);
        }
        byte[] secret = new byte[ClusterSecret.LENGTH];
        frame.readBytes(secret);
        MotionStreamKey key = new MotionStreamKey(frame.readLong(), frame.readLong(), frame.readInt());
        int sender = frame.readInt();
        int receiver = frame.readInt();
        if (sender < 0 || receiver < 0) {
            throw new CorruptedFrameException("bad interconnect handshake indexes " + sender + ", " + receiver);
        }
        return new IcMessage.Handshake(key, sender, receiver, ClusterSecret.of(secret));
    }

    private static IcMessage empty(ByteBuf frame, IcMessage message) {
        if (frame.isReadable()) {
            throw new CorruptedFrameException("unexpected payload in interconnect frame " + message);
        }
        return message;
    }
}
