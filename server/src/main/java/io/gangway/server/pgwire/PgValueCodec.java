package io.gangway.server.pgwire;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.api.TypeKind;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Values on the wire: result values in text ({@link SqlType#format}) or binary format, and Bind
 * parameters from text ({@link SqlType#parse}) or binary format into the Java value of the
 * parameter's type.
 */
final class PgValueCodec {
    /** 2000-01-01, day 0 of PostgreSQL's binary dates, as an epoch day. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    /** A date, possibly followed by a time or zone PostgreSQL's date input ignores (pgjdbc sends "2024-01-02 +02"). */
    private static final Pattern DATE_PREFIX = Pattern.compile("\\s*(\\d{4,}-\\d{1,2}-\\d{1,2})(?:[ T].*)?", Pattern.DOTALL);

    // Type OIDs of PostgreSQL that clients declare and that map onto our types.
    static final int BOOL = 16;
    static final int INT8 = 20;
    static final int INT2 = 21;
    static final int INT4 = 23;
    static final int TEXT = 25;
    static final int FLOAT4 = 700;
    static final int FLOAT8 = 701;
    static final int UNKNOWN = 705;
    static final int BPCHAR = 1042;
    static final int VARCHAR = 1043;
    static final int DATE = 1082;
    static final int NUMERIC = 1700;

    private PgValueCodec() {
    }

    /** The type a client declared with a Parse OID, or {@code null} to let the engine infer it (0, unknown). */
    static @Nullable SqlType declaredType(int oid) {
        return switch (oid) {
            case 0, UNKNOWN -> null;
            case BOOL -> SqlType.BOOLEAN;
            case INT2, INT4 -> SqlType.INTEGER;
            case INT8 -> SqlType.BIGINT;
            case FLOAT4, FLOAT8 -> SqlType.DOUBLE;
            case NUMERIC -> SqlType.NUMERIC;
            case TEXT, VARCHAR, BPCHAR -> SqlType.TEXT;
            case DATE -> SqlType.DATE;
            default -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                    "parameters of type with OID " + oid + " are not supported");
        };
    }

    /** Whether results of this type can be sent in binary format. */
    static boolean supportsBinary(TypeKind kind) {
        return switch (kind) {
            case BOOLEAN, INTEGER, BIGINT, NUMERIC, DOUBLE, TEXT, DATE, UNKNOWN -> true;
        };
    }

    /** Writes a value with its int32 length word ({@code -1} for NULL). */
    static void writeValue(ByteBuf out, SqlType type, @Nullable Object value, short format) {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        if (format == PgMessageType.FORMAT_TEXT) {
            ByteBufUtil.writeUtf8(out, type.format(value));
        } else {
            writeBinary(out, type, value);
        }
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
    }

    private static void writeBinary(ByteBuf out, SqlType type, Object value) {
        switch (type.kind()) {
            case BOOLEAN -> out.writeByte((Boolean) value ? 1 : 0);
            case INTEGER -> out.writeInt((Integer) value);
            case BIGINT -> out.writeLong((Long) value);
            case DOUBLE -> out.writeDouble((Double) value);
            case NUMERIC -> PgNumeric.write(out, (BigDecimal) value);
            case TEXT, UNKNOWN -> ByteBufUtil.writeUtf8(out, type.format(value));
            case DATE -> out.writeInt(Math.toIntExact(((LocalDate) value).toEpochDay() - POSTGRES_EPOCH_DAY));
        }
    }

    /**
     * A Bind parameter as the Java value of {@code type}. Binary values are read as the type the
     * client declared ({@code declaredOid}, 0 when it declared none) and then converted.
     */
    static @Nullable Object decodeParameter(byte @Nullable [] bytes, short format, int declaredOid, SqlType type,
            int index) {
        if (bytes == null) {
            return null;
        }
        if (format == PgMessageType.FORMAT_TEXT) {
            return parseText(type, new String(bytes, StandardCharsets.UTF_8));
        }
        return convert(readBinary(declaredOid != 0 ? declaredOid : type.oid(), bytes, index), type);
    }

    static Object parseText(SqlType type, String text) {
        if (type.kind() == TypeKind.DATE) {
            Matcher matcher = DATE_PREFIX.matcher(text);
            if (matcher.matches()) {
                return type.parse(matcher.group(1));
            }
        }
        return type.parse(text);
    }

    private static Object readBinary(int oid, byte[] bytes, int index) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        int length = bytes.length;
        return switch (oid) {
            case BOOL -> {
                requireLength(length == 1, index);
                yield bytes[0] != 0;
            }
            // integers are read by their length, so an int2 or int8 sent for an int4 still reads right
            case INT2, INT4, INT8 -> switch (length) {
                case 2 -> (int) in.readShort();
                case 4 -> in.readInt();
                case 8 -> in.readLong();
                default -> throw badBinary(index);
            };
            case FLOAT4, FLOAT8 -> switch (length) {
                case 4 -> (double) in.readFloat();
                case 8 -> in.readDouble();
                default -> throw badBinary(index);
            };
            case NUMERIC -> {
                try {
                    yield PgNumeric.read(in);
                } catch (IndexOutOfBoundsException e) {
                    throw badBinary(index);
                }
            }
            case TEXT, VARCHAR, BPCHAR, UNKNOWN -> new String(bytes, StandardCharsets.UTF_8);
            case DATE -> {
                requireLength(length == 4, index);
                yield LocalDate.ofEpochDay(POSTGRES_EPOCH_DAY + in.readInt());
            }
            default -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                    "binary format for parameters of type with OID " + oid + " is not supported");
        };
    }

    /** A decoded binary value as the Java value of {@code type} (an int4 bound to a bigint parameter…). */
    private static Object convert(Object value, SqlType type) {
        TypeKind kind = type.kind();
        if (value instanceof Number number && kind.isNumeric()) {
            return switch (kind) {
                case INTEGER -> {
                    long l = number.longValue();
                    if (l != number.doubleValue() || l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                        throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
                    }
                    yield (int) l;
                }
                case BIGINT -> {
                    if (number instanceof Double || number instanceof BigDecimal) {
                        try {
                            yield new BigDecimal(number.toString()).longValueExact();
                        } catch (ArithmeticException e) {
                            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
                        }
                    }
                    yield number.longValue();
                }
                case DOUBLE -> number.doubleValue();
                case NUMERIC -> type.coerceNumeric(number instanceof BigDecimal d ? d : new BigDecimal(number.toString()));
                default -> throw new IllegalStateException("not numeric: " + kind);
            };
        }
        if (kind.javaClass().isInstance(value)) {
            return value instanceof String s ? type.coerceText(s) : value;
        }
        String text = switch (value) {
            case Boolean b -> b ? "t" : "f";
            case BigDecimal d -> d.toPlainString();
            default -> value.toString();
        };
        return kind == TypeKind.UNKNOWN ? text : parseText(type, text);
    }

    private static void requireLength(boolean ok, int index) {
        if (!ok) {
            throw badBinary(index);
        }
    }

    private static SqlException badBinary(int index) {
        // PostgreSQL uses 22P03 invalid_binary_representation, which SqlState does not have yet
        return new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                "incorrect binary data format in bind parameter " + (index + 1));
    }
}
