package io.gangway.engine.exec.motion;

import io.gangway.api.Batch;
import io.gangway.api.ColumnVector;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.api.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The binary form of a batch on the interconnect. Layout (big-endian):
 *
 * <pre>
 * int  version (1)
 * int  rowCount
 * int  columnCount
 * per column:
 *   byte kind code, int precision, int scale
 *   null bitmap: ceil(rowCount / 8) bytes, bit (row % 8) of byte (row / 8) set for NULL
 *   the non-null values, in row order:
 *     boolean: byte 0/1        integer: int       bigint: long     double: IEEE bits as long
 *     numeric: int scale, int n, n bytes of the unscaled two's-complement value
 *     text, unknown: int n, n bytes of UTF-8       date: long epoch day
 * </pre>
 *
 * Kind codes are fixed here (not enum ordinals), so reordering {@link TypeKind} cannot change the format.
 */
public final class BatchCodec {
    private static final int VERSION = 1;

    private BatchCodec() {
    }

    public static byte[] encode(Batch batch) {
        Writer out = new Writer(64 + batch.rowCount() * Math.max(batch.columnCount(), 1) * 9);
        int rows = batch.rowCount();
        out.putInt(VERSION);
        out.putInt(rows);
        out.putInt(batch.columnCount());
        for (ColumnVector column : batch.columns()) {
            SqlType type = column.type();
            out.putByte(code(type.kind()));
            out.putInt(type.precision());
            out.putInt(type.scale());
            byte[] nulls = new byte[(rows + 7) / 8];
            for (int i = 0; i < rows; i++) {
                if (column.isNull(i)) {
                    nulls[i >>> 3] |= (byte) (1 << (i & 7));
                }
            }
            out.putBytes(nulls);
            for (int i = 0; i < rows; i++) {
                Object value = column.get(i);
                if (value != null) {
                    writeValue(out, type.kind(), value);
                }
            }
        }
        return out.toByteArray();
    }

    private static void writeValue(Writer out, TypeKind kind, Object value) {
        switch (kind) {
            case BOOLEAN -> out.putByte((byte) (((Boolean) value) ? 1 : 0));
            case INTEGER -> out.putInt((Integer) value);
            case BIGINT -> out.putLong((Long) value);
            case DOUBLE -> out.putLong(Double.doubleToRawLongBits((Double) value));
            case NUMERIC -> {
                BigDecimal d = (BigDecimal) value;
                byte[] unscaled = d.unscaledValue().toByteArray();
                out.putInt(d.scale());
                out.putInt(unscaled.length);
                out.putBytes(unscaled);
            }
            case TEXT, UNKNOWN -> {
                byte[] utf8 = ((String) value).getBytes(StandardCharsets.UTF_8);
                out.putInt(utf8.length);
                out.putBytes(utf8);
            }
            case DATE -> out.putLong(((LocalDate) value).toEpochDay());
        }
    }

    public static Batch decode(byte[] chunk) {
        try {
            ByteBuffer in = ByteBuffer.wrap(chunk);
            int version = in.getInt();
            if (version != VERSION) {
                throw corrupt("unknown batch format version " + version);
            }
            int rows = in.getInt();
            int columnCount = in.getInt();
            if (rows < 0 || columnCount < 0) {
                throw corrupt("negative row or column count");
            }
            List<ColumnVector> columns = new ArrayList<>(columnCount);
            for (int c = 0; c < columnCount; c++) {
                TypeKind kind = kind(in.get());
                SqlType type = new SqlType(kind, in.getInt(), in.getInt());
                byte[] nulls = new byte[(rows + 7) / 8];
                in.get(nulls);
                Object[] values = new Object[rows];
                for (int i = 0; i < rows; i++) {
                    if ((nulls[i >>> 3] & (1 << (i & 7))) == 0) {
                        values[i] = readValue(in, kind);
                    }
                }
                columns.add(new ColumnVector(type, values, rows));
            }
            if (in.hasRemaining()) {
                throw corrupt(in.remaining() + " bytes after the last column");
            }
            return new Batch(columns, rows);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SqlException(SqlState.DATA_CORRUPTED, "malformed batch on the interconnect", e);
        }
    }

    private static Object readValue(ByteBuffer in, TypeKind kind) {
        return switch (kind) {
            case BOOLEAN -> in.get() != 0;
            case INTEGER -> in.getInt();
            case BIGINT -> in.getLong();
            case DOUBLE -> Double.longBitsToDouble(in.getLong());
            case NUMERIC -> {
                int scale = in.getInt();
                byte[] unscaled = new byte[in.getInt()];
                in.get(unscaled);
                yield new BigDecimal(new BigInteger(unscaled), scale);
            }
            case TEXT, UNKNOWN -> {
                byte[] utf8 = new byte[in.getInt()];
                in.get(utf8);
                yield new String(utf8, StandardCharsets.UTF_8);
            }
            case DATE -> LocalDate.ofEpochDay(in.getLong());
        };
    }

    private static byte code(TypeKind kind) {
        return switch (kind) {
            case BOOLEAN -> 1;
            case INTEGER -> 2;
            case BIGINT -> 3;
            case NUMERIC -> 4;
            case DOUBLE -> 5;
            case TEXT -> 6;
            case DATE -> 7;
            case UNKNOWN -> 8;
        };
    }

    private static TypeKind kind(byte code) {
        return switch (code) {
            case 1 -> TypeKind.BOOLEAN;
            case 2 -> TypeKind.INTEGER;
            case 3 -> TypeKind.BIGINT;
            case 4 -> TypeKind.NUMERIC;
            case 5 -> TypeKind.DOUBLE;
            case 6 -> TypeKind.TEXT;
            case 7 -> TypeKind.DATE;
            case 8 -> TypeKind.UNKNOWN;
            default -> throw corrupt("unknown type code " + code);
        };
    }

    private static SqlException corrupt(String message) {
        return new SqlException(SqlState.DATA_CORRUPTED, "malformed batch on the interconnect: " + message);
    }

    /** A growable big-endian byte buffer. */
    private static final class Writer {
        private byte[] bytes;
        private int size;

        Writer(int capacity) {
            bytes = new byte[Math.max(capacity, 64)];
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void putByte(byte b) {
            ensure(1);
            bytes[size++] = b;
        }

        void putInt(int v) {
            ensure(4);
            bytes[size++] = (byte) (v >>> 24);
            bytes[size++] = (byte) (v >>> 16);
            bytes[size++] = (byte) (v >>> 8);
            bytes[size++] = (byte) v;
        }

        void putLong(long v) {
            putInt((int) (v >>> 32));
            putInt((int) v);
        }

        void putBytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
