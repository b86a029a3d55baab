package io.gangway.dispatcher.protocol;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/** Turns one frame (length already stripped) into a {@link DispatchMessage}. */
final class DispatchMessageDecoder extends MessageToMessageDecoder<ByteBuf> {
    private final KryoSerialization serialization;

    DispatchMessageDecoder(KryoSerialization serialization) {
        super(ByteBuf.class);
        this.serialization = serialization;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        Object message = serialization.decode(ByteBufUtil.getBytes(frame));
        if (!(message instanceof DispatchMessage dispatchMessage)) {
            throw new SqlException(SqlState.PROTOCOL_VIOLATION,
                    "unexpected dispatch message " + (message == null ? "null" : message.getClass().getName()));
        }
        out.add(dispatchMessage);
    }
}
