package io.gangway.dispatcher.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes a {@link DispatchMessage} as one frame: its length, then its serialized form. */
final class DispatchMessageEncoder extends MessageToByteEncoder<DispatchMessage> {
    private final KryoSerialization serialization;

    DispatchMessageEncoder(KryoSerialization serialization) {
        super(DispatchMessage.class);
        this.serialization = serialization;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, DispatchMessage message, ByteBuf out) {
        byte[] payload = serialization.encode(message);
        out.writeInt(payload.length);
        out.writeBytes(payload);
    }
}
