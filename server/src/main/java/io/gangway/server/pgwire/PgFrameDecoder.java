package io.gangway.server.pgwire;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the byte stream into {@link PgFrame}s. A state machine: until the StartupMessage, packets are
 * untyped ({@code int32 length, body}); SSLRequest, GSSENCRequest and CancelRequest keep it in that
 * state. After the StartupMessage every message is {@code byte type, int32 length, body}. Lengths
 * are checked against limits so a broken or hostile client cannot make us buffer without bound.
 */
final class PgFrameDecoder extends ByteToMessageDecoder {
    /** PostgreSQL's MAX_STARTUP_PACKET_LENGTH. */
    static final int MAX_STARTUP_PACKET_LENGTH = 10_000;

    private final int maxMessageLength;
    private boolean startupPhase = true;

    PgFrameDecoder(int maxMessageLength) {
        if (maxMessageLength < 5) {
            throw new IllegalArgumentException("maxMessageLength " + maxMessageLength);
        }
        this.maxMessageLength = maxMessageLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (startupPhase) {
            decodeStartupPacket(in, out);
        } else {
            decodeMessage(in, out);
        }
    }

    private void decodeStartupPacket(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length < 8 || length > MAX_STARTUP_PACKET_LENGTH) {
            throw new SqlException(SqlState.PROTOCOL_VIOLATION, "invalid length of startup packet");
        }
        if (in.readableBytes() < length) {
            return;
        }
        ByteBuf body = in.retainedSlice(in.readerIndex() + 4, length - 4);
        in.skipBytes(length);
        int code = body.getInt(body.readerIndex());
        if (code != PgMessageType.SSL_REQUEST_CODE && code != PgMessageType.GSSENC_REQUEST_CODE
                && code != PgMessageType.CANCEL_REQUEST_CODE) {
            startupPhase = false;
        }
        out.add(new PgFrame(PgFrame.STARTUP, body));
    }

    private void decodeMessage(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 5) {
            return;
        }
        int start = in.readerIndex();
        byte type = in.getByte(start);
        int length = in.getInt(start + 1);
        if (length < 4 || length > maxMessageLength) {
            throw new SqlException(SqlState.PROTOCOL_VIOLATION,
                    "invalid message length " + length + " for message type \"" + (char) type + "\"");
        }
        if (in.readableBytes() < length + 1) {
            return;
        }
        ByteBuf body = in.retainedSlice(start + 5, length - 4);
        in.skipBytes(length + 1);
        out.add(new PgFrame(type, body));
    }
}
