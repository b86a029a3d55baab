package io.gangway.storage.heap;

import io.gangway.api.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the values of the wanted attributes of a tuple, in the {@link TupleEncoder}'s format,
 * stepping over the others. Attributes the tuple does not store (a column added after it was
 * written) read as NULL, as in PostgreSQL. Not thread-safe: one per scan.
 */
final class TupleDecoder {
    private final TypeKind[] kinds;
    private final boolean[] wanted;
    private final int lastWanted;

    /** {@code columns}: the table column indexes a scan returns. */
    TupleDecoder(List<TypeKind> kinds, List<Integer> columns) {
        this.kinds = kinds.toArray(TypeKind[]::new);
        this.wanted = new boolean[kinds.size()];
        int last = -1;
        for (int column : columns) {
            wanted[column] = true;
            last = Math.max(last, column);
        }
        this.lastWanted = last;
    }

    /** Fills {@code values[a]} for every wanted attribute {@code a} of the tuple at {@code at}. */
    void decode(ByteBuffer page, int at, Object[] values) {
        int natts = Math.min(HeapTupleHeader.natts(page, at), lastWanted + 1);
        boolean hasNulls = HeapTupleHeader.hasNulls(page, at);
        int position = at + HeapTupleHeader.hoff(page, at);
        for (int a = 0; a < natts; a++) {
            if (hasNulls && !HeapTupleHeader.isPresent(page, at, a)) {
                values[a] = null;
                continue;
            }
            if (wanted[a]) {
                values[a] = read(kinds[a], page, position);
            }
            position += width(kinds[a], page, position);
        }
        if (natts <= lastWanted) {
            Arrays.fill(values, natts, lastWanted + 1, null);
        }
    }

    private static int width(TypeKind kind, ByteBuffer page, int at) {
        return switch (kind) {
            case BOOLEAN -> 1;
            case INTEGER, DATE -> 4;
            case BIGINT, DOUBLE -> 8;
            case NUMERIC -> 8 + page.getInt(at + 4);
            case TEXT, UNKNOWN -> 4 + page.getInt(at);
        };
    }

    private static Object read(TypeKind kind, ByteBuffer page, int at) {
        return switch (kind) {
            case BOOLEAN -> page.get(at) != 0;
            case INTEGER -> page.getInt(at);
            case BIGINT -> page.getLong(at);
            case DOUBLE -> Double.longBitsToDouble(page.getLong(at));
            case DATE -> LocalDate.ofEpochDay(page.getInt(at));
            case NUMERIC -> new BigDecimal(
                    new BigInteger(page.array(), at + 8, page.getInt(at + 4)), page.getInt(at));
            case TEXT, UNKNOWN -> new String(page.array(), at + 4, page.getInt(at), StandardCharsets.UTF_8);
        };
    }
}
