package io.gangway.server.pgwire;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a {@link PgFrame} into a {@link FrontendMessage}, copying what it needs out of the frame
 * (the frame is released afterwards, and the message travels to the connection's own thread).
 * Malformed bodies are protocol violations (08P01), as in PostgreSQL's {@code pq_getmsg*}.
 */
final class PgMessageDecoder extends MessageToMessageDecoder<PgFrame> {
    PgMessageDecoder() {
        super(PgFrame.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, PgFrame frame, List<Object> out) {
        ByteBuf body = frame.content();
        try {
            FrontendMessage message = decode(frame.type(), body);
            if (body.isReadable()) {
                throw violation("invalid message format");
            }
            out.add(message);
        } catch (IndexOutOfBoundsException e) {
            throw violation("invalid message format");
        }
    }

    private static FrontendMessage decode(byte type, ByteBuf body) {
        return switch (type) {
            case PgFrame.STARTUP -> startupPacket(body);
            case PgMessageType.QUERY_REQUEST -> new FrontendMessage.Query(readString(body));
            case PgMessageType.PARSE_REQUEST -> parse(body);
            case PgMessageType.BIND_REQUEST -> bind(body);
            case PgMessageType.DESCRIBE_REQUEST -> new FrontendMessage.Describe(body.readByte(), readString(body));
            case PgMessageType.EXECUTE_REQUEST -> new FrontendMessage.Execute(readString(body), body.readInt());
            case PgMessageType.CLOSE_REQUEST -> new FrontendMessage.Close(body.readByte(), readString(body));
            case PgMessageType.SYNC_REQUEST -> new FrontendMessage.Sync();
            case PgMessageType.FLUSH_REQUEST -> new FrontendMessage.Flush();
            case PgMessageType.TERMINATE_REQUEST -> new FrontendMessage.Terminate();
            case PgMessageType.PASSWORD_REQUEST -> {
                byte[] bytes = ByteBufUtil.getBytes(body);
                body.skipBytes(body.readableBytes());
                yield new FrontendMessage.Password(bytes);
            }
            case PgMessageType.COPY_DATA, PgMessageType.COPY_DONE, PgMessageType.COPY_FAIL_REQUEST -> {
                body.skipBytes(body.readableBytes());
                yield new FrontendMessage.CopyMessage(type);
            }
            default -> {
                body.skipBytes(body.readableBytes());
                yield new FrontendMessage.Unsupported(type);
            }
        };
    }

    private static FrontendMessage startupPacket(ByteBuf body) {
        int code = body.readInt();
        return switch (code) {
            case PgMessageType.SSL_REQUEST_CODE -> new FrontendMessage.SslRequest();
            case PgMessageType.GSSENC_REQUEST_CODE -> new FrontendMessage.GssEncRequest();
            case PgMessageType.CANCEL_REQUEST_CODE -> new FrontendMessage.CancelRequest(body.readInt(), body.readInt());
            default -> {
                Map<String, String> parameters = new LinkedHashMap<>();
                while (true) {
                    String name = readString(body);
                    if (name.isEmpty()) {
                        break;
                    }
                    parameters.put(name, readString(body));
                }
                yield new FrontendMessage.Startup(code, parameters);
            }
        };
    }

    private static FrontendMessage parse(ByteBuf body) {
        String name = readString(body);
        String sql = readString(body);
        int count = body.readUnsignedShort();
        List<Integer> types = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            types.add(body.readInt());
        }
        return new FrontendMessage.Parse(name, sql, types);
    }

    private static FrontendMessage bind(ByteBuf body) {
        String portal = readString(body);
        String statement = readString(body);
        List<Short> parameterFormats = readFormats(body);
        int count = body.readUnsignedShort();
        List<byte[]> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = body.readInt();
            if (length < -1 || length > body.readableBytes()) {
                throw violation("insufficient data left in message");
            }
            values.add(length == -1 ? null : ByteBufUtil.getBytes(body.readSlice(length)));
        }
        return new FrontendMessage.Bind(portal, statement, parameterFormats, values, readFormats(body));
    }

    private static List<Short> readFormats(ByteBuf body) {
        int count = body.readUnsignedShort();
        List<Short> formats = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            formats.add(body.readShort());
        }
        return formats;
    }

    /** A null-terminated UTF-8 string. */
    private static String readString(ByteBuf body) {
        int length = body.bytesBefore((byte) 0);
        if (length < 0) {
            throw violation("invalid string in message");
        }
        String s = body.toString(body.readerIndex(), length, StandardCharsets.UTF_8);
        body.skipBytes(length + 1);
        return s;
    }

    private static SqlException violation(String message) {
        return new SqlException(SqlState.PROTOCOL_VIOLATION, message);
    }
}
