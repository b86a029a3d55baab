package io.gangway.engine.exec.operator;

import io.gangway.engine.exec.expr.Values;
import io.gangway.spi.plan.SortKey;
import java.util.List;

/** Orders rows by sort keys: direction per key, NULLs first or last as the key says. */
public final class SortOrder {
    private final SortKey[] keys;

    public SortOrder(List<SortKey> keys) {
        this.keys = keys.toArray(SortKey[]::new);
    }

    /** Compares two rows given as accessors of their key columns. */
    public int compare(RowAccess a, int rowA, RowAccess b, int rowB) {
        for (SortKey key : keys) {
            int c = compareValues(a.get(key.column(), rowA), b.get(key.column(), rowB), key);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    public static int compareValues(Object a, Object b, SortKey key) {
        if (a == null || b == null) {
            if (a == b) {
                return 0;
            }
            return (a == null) == key.nullsFirst() ? -1 : 1;
        }
        int c = Values.compare(a, b);
        return key.ascending() ? c : -c;
    }

    /** Reads a value by column and row. */
    @FunctionalInterface
    public interface RowAccess {
        Object get(int column, int row);
    }
}
