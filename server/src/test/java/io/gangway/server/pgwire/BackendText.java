package io.gangway.server.pgwire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Renders backend messages as one line each, for readable assertions: {@code "T ?column?:23:0"},
 * {@code "D 1"}, {@code "C SELECT 1"}, {@code "Z I"}, {@code "E ERROR 42P01 relation ..."}. Values
 * that are not printable text are shown as hex ({@code \x0000002a}), NULL as {@code NULL}.
 */
final class BackendText {
    private BackendText() {
    }

    /** Every complete message in {@code in}, consumed; an incomplete tail stays. */
    static List<String> render(ByteBuf in) {
        List<String> lines = new ArrayList<>();
        while (in.readableBytes() >= 5) {
            int length = in.getInt(in.readerIndex() + 1);
            if (in.readableBytes() < length + 1) {
                break;
            }
            char type = (char) in.readByte();
            in.readInt();
            lines.add(render(type, in.readSlice(length - 4)));
        }
        return lines;
    }

    private static String render(char type, ByteBuf body) {
        return switch (type) {
            case 'R' -> "R " + body.readInt();
            case 'S' -> "S " + cstring(body) + "=" + cstring(body);
            case 'K' -> "K " + body.readInt() + " " + body.readInt();
            case 'Z' -> "Z " + (char) body.readByte();
            case 'T' -> {
                StringJoiner columns = new StringJoiner(",", "T ", "");
                int count = body.readShort();
                for (int i = 0; i < count; i++) {
                    String name = cstring(body);
                    body.skipBytes(6);
                    int oid = body.readInt();
                    body.skipBytes(6);
                    columns.add(name + ":" + oid + ":" + body.readShort());
                }
                yield columns.toString();
            }
            case 'D' -> {
                StringJoiner values = new StringJoiner("|", "D ", "");
                int count = body.readShort();
                for (int i = 0; i < count; i++) {
                    int length = body.readInt();
                    values.add(length < 0 ? "NULL" : value(ByteBufUtil.getBytes(body.readSlice(length))));
                }
                yield values.toString();
            }
            case 'C' -> "C " + cstring(body);
            case 'E', 'N' -> {
                StringBuilder fields = new StringBuilder().append(type);
                String severity = "";
                String code = "";
                String message = "";
                StringBuilder extra = new StringBuilder();
                for (byte field = body.readByte(); field != 0; field = body.readByte()) {
                    String value = cstring(body);
                    switch (field) {
                        case 'S' -> severity = value;
                        case 'C' -> code = value;
                        case 'M' -> message = value;
                        case 'V' -> {
                        }
                        default -> extra.append(" [").append((char) field).append('=').append(value).append(']');
                    }
                }
                yield fields.append(' ').append(severity).append(' ').append(code).append(' ').append(message)
                        .append(extra).toString();
            }
            case 't' -> {
                StringJoiner oids = new StringJoiner(",", "t ", "");
                int count = body.readShort();
                for (int i = 0; i < count; i++) {
                    oids.add(Integer.toString(body.readInt()));
                }
                yield count == 0 ? "t" : oids.toString();
            }
            case 'v' -> {
                StringBuilder line = new StringBuilder("v ").append(body.readInt());
                int count = body.readInt();
                for (int i = 0; i < count; i++) {
                    line.append(' ').append(cstring(body));
                }
                yield line.toString();
            }
            default -> Character.toString(type);
        };
    }

    private static String value(byte[] bytes) {
        for (byte b : bytes) {
            if (b >= 0 && b < 32) {
                return "\\x" + ByteBufUtil.hexDump(bytes);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String cstring(ByteBuf body) {
        int length = body.bytesBefore((byte) 0);
        String s = body.toString(body.readerIndex(), length, StandardCharsets.UTF_8);
        body.skipBytes(length + 1);
        return s;
    }
}
