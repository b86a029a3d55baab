package io.gangway.server.pgwire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Hand-built frontend messages, byte by byte as the protocol documentation lays them out. */
final class FrontendBytes {
    private FrontendBytes() {
    }

    static ByteBuf startup(Map<String, String> parameters) {
        return startup(PgMessageType.PROTOCOL_3_0, parameters);
    }

    static ByteBuf startup(int protocol, Map<String, String> parameters) {
        ByteBuf body = Unpooled.buffer();
        body.writeInt(protocol);
        parameters.forEach((name, value) -> {
            cstring(body, name);
            cstring(body, value);
        });
        body.writeByte(0);
        return untyped(body);
    }

    static ByteBuf sslRequest() {
        return untyped(Unpooled.buffer().writeInt(PgMessageType.SSL_REQUEST_CODE));
    }

    static ByteBuf gssEncRequest() {
        return untyped(Unpooled.buffer().writeInt(PgMessageType.GSSENC_REQUEST_CODE));
    }

    static ByteBuf cancelRequest(int processId, int secret) {
        return untyped(Unpooled.buffer().writeInt(PgMessageType.CANCEL_REQUEST_CODE).writeInt(processId).writeInt(secret));
    }

    static ByteBuf query(String sql) {
        ByteBuf body = Unpooled.buffer();
        cstring(body, sql);
        return typed('Q', body);
    }

    static ByteBuf parse(String name, String sql, int... oids) {
        ByteBuf body = Unpooled.buffer();
        cstring(body, name);
        cstring(body, sql);
        body.writeShort(oids.length);
        for (int oid : oids) {
            body.writeInt(oid);
        }
        return typed('P', body);
    }

    /** Bind with text parameters ({@code null}: SQL NULL) and the given result format codes. */
    static ByteBuf bind(String portal, String statement, List<@Nullable String> values, int... resultFormats) {
        byte[][] raw = new byte[values.size()][];
        for (int i = 0; i < raw.length; i++) {
            String v = values.get(i);
            raw[i] = v == null ? null : v.getBytes(StandardCharsets.UTF_8);
        }
        return bind(portal, statement, new int[0], raw, resultFormats);
    }

    static ByteBuf bind(String portal, String statement, int[] parameterFormats, byte[][] values, int... resultFormats) {
        ByteBuf body = Unpooled.buffer();
        cstring(body, portal);
        cstring(body, statement);
        body.writeShort(parameterFormats.length);
        for (int f : parameterFormats) {
            body.writeShort(f);
        }
        body.writeShort(values.length);
        for (byte[] value : values) {
            if (value == null) {
                body.writeInt(-1);
            } else {
                body.writeInt(value.length).writeBytes(value);
            }
        }
        body.writeShort(resultFormats.length);
        for (int f : resultFormats) {
            body.writeShort(f);
        }
        return typed('B', body);
    }

    static ByteBuf describe(char kind, String name) {
        ByteBuf body = Unpooled.buffer().writeByte(kind);
        cstring(body, name);
        return typed('D', body);
    }

    static ByteBuf execute(String portal, int maxRows) {
        ByteBuf body = Unpooled.buffer();
        cstring(body, portal);
        body.writeInt(maxRows);
        return typed('E', body);
    }

    static ByteBuf close(char kind, String name) {
        ByteBuf body = Unpooled.buffer().writeByte(kind);
        cstring(body, name);
        return typed('C', body);
    }

    static ByteBuf sync() {
        return typed('S', Unpooled.buffer());
    }

    static ByteBuf flush() {
        return typed('H', Unpooled.buffer());
    }

    static ByteBuf terminate() {
        return typed('X', Unpooled.buffer());
    }

    static ByteBuf typed(char type, ByteBuf body) {
        ByteBuf out = Unpooled.buffer().writeByte(type).writeInt(body.readableBytes() + 4).writeBytes(body);
        body.release();
        return out;
    }

    static ByteBuf concat(ByteBuf... parts) {
        ByteBuf out = Unpooled.buffer();
        for (ByteBuf part : parts) {
            out.writeBytes(part);
            part.release();
        }
        return out;
    }

    static byte[] bytes(ByteBuf buf) {
        byte[] bytes = ByteBufUtil.getBytes(buf);
        buf.release();
        return bytes;
    }

    private static ByteBuf untyped(ByteBuf body) {
        ByteBuf out = Unpooled.buffer().writeInt(body.readableBytes() + 4).writeBytes(body);
        body.release();
        return out;
    }

    private static void cstring(ByteBuf out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8)).writeByte(0);
    }
}
