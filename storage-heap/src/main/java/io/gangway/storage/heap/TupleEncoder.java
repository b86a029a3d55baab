package io.gangway.storage.heap;

import io.gangway.api.Batch;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.TypeKind;
import io.gangway.spi.catalog.TableDescriptor;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Turns a row of a batch into a tuple: a {@link HeapTupleHeader} then the present values in column
 * order, with no alignment padding. Encodings: boolean 1 byte; integer and date (epoch day) 4;
 * bigint and double (IEEE bits) 8; numeric a 4-byte scale then the length-prefixed two's-complement
 * bytes of the unscaled value; text a 4-byte length then UTF-8. Not thread-safe: one per writer.
 */
final class TupleEncoder {
    private final TableDescriptor table;
    private final TypeKind[] kinds;
    private ByteBuffer scratch = ByteBuffer.allocate(HeapPage.SIZE);

    TupleEncoder(TableDescriptor table) {
        this.table = table;
        this.kinds = table.columnTypes().stream().map(type -> type.kind()).toArray(TypeKind[]::new);
    }

    /**
     * Encodes row {@code row} as a new version of transaction {@code xid}. The result runs from
     * position 0 to its limit and is valid until the next call.
     */
    ByteBuffer encode(Batch batch, int row, long xid) {
        scratch.clear();
        int natts = kinds.length;
        boolean hasNulls = false;
        for (int c = 0; c < natts; c++) {
            if (batch.column(c).get(row) == null) {
                if (table.notNull().get(c)) {
                    throw new SqlException(SqlState.NOT_NULL_VIOLATION, "null value in column \""
                            + table.columns().get(c).name() + "\" of relation \"" + table.name()
                            + "\" violates not-null constraint");
                }
                hasNulls = true;
            }
        }
        int position = HeapTupleHeader.size(natts, hasNulls);
        ensureCapacity(position);
        HeapTupleHeader.write(scratch, 0, xid, natts, hasNulls);
        for (int c = 0; c < natts; c++) {
            Object value = batch.column(c).get(row);
            if (value != null) {
                if (hasNulls) {
                    HeapTupleHeader.setPresent(scratch, 0, c);
                }
                position = writeValue(c, value, position);
            }
        }
        if (position > HeapPage.MAX_TUPLE_SIZE) {
            throw new SqlException(SqlState.INSUFFICIENT_RESOURCES,
                    "row is too big: size " + position + ", maximum size " + HeapPage.MAX_TUPLE_SIZE);
        }
        return scratch.clear().limit(position);
    }

    private int writeValue(int column, Object value, int at) {
        return switch (kinds[column]) {
            case BOOLEAN -> {
                ensureCapacity(at + 1);
                scratch.put(at, (byte) (cast(column, value, Boolean.class) ? 1 : 0));
                yield at + 1;
            }
            case INTEGER -> {
                ensureCapacity(at + 4);
                scratch.putInt(at, cast(column, value, Integer.class));
                yield at + 4;
            }
            case BIGINT -> {
                ensureCapacity(at + 8);
                scratch.putLong(at, cast(column, value, Long.class));
                yield at + 8;
            }
            case DOUBLE -> {
                ensureCapacity(at + 8);
                scratch.putLong(at, Double.doubleToRawLongBits(cast(column, value, Double.class)));
                yield at + 8;
            }
            case DATE -> {
                ensureCapacity(at + 4);
                scratch.putInt(at, epochDay(cast(column, value, LocalDate.class)));
                yield at + 4;
            }
            case NUMERIC -> {
                BigDecimal decimal = cast(column, value, BigDecimal.class);
                byte[] unscaled = decimal.unscaledValue().toByteArray();
                ensureCapacity(at + 8 + unscaled.length);
                scratch.putInt(at, decimal.scale());
                scratch.putInt(at + 4, unscaled.length);
                scratch.put(at + 8, unscaled);
                yield at + 8 + unscaled.length;
            }
            case TEXT, UNKNOWN -> {
                byte[] utf8 = cast(column, value, String.class).getBytes(StandardCharsets.UTF_8);
                ensureCapacity(at + 4 + utf8.length);
                scratch.putInt(at, utf8.length);
                scratch.put(at + 4, utf8);
                yield at + 4 + utf8.length;
            }
        };
    }

    private static int epochDay(LocalDate date) {
        long day = date.toEpochDay();
        if (day != (int) day) {
            throw new SqlException(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range: \"" + date + "\"");
        }
        return (int) day;
    }

    private <T> T cast(int column, Object value, Class<T> javaClass) {
        if (!javaClass.isInstance(value)) {
            throw new SqlException(SqlState.DATATYPE_MISMATCH, "column \"" + table.columns().get(column).name()
                    + "\" is of type " + kinds[column].sqlName() + " but the value is a "
                    + value.getClass().getSimpleName());
        }
        return javaClass.cast(value);
    }

    private void ensureCapacity(int size) {
        if (size > scratch.capacity()) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(size, scratch.capacity() * 2));
            bigger.put(0, scratch, 0, scratch.capacity());
            scratch = bigger;
        }
    }
}
