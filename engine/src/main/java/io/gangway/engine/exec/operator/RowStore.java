package io.gangway.engine.exec.operator;

import io.gangway.api.Batch;
import io.gangway.api.ColumnVector;
import io.gangway.api.SqlType;
import io.gangway.engine.exec.MemoryAccount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows kept in memory by a blocking operator (sort input, hash join build side), column by column.
 * Not bounded by {@code work_mem}: spilling is future work.
 */
public final class RowStore {
    private final List<SqlType> types;
    private final Object[][] columns;
    private final MemoryAccount memory;
    private int size;

    public RowStore(List<SqlType> types) {
        this(types, new MemoryAccount());
    }

    /** A store that charges what it keeps to {@code memory}. */
    public RowStore(List<SqlType> types, MemoryAccount memory) {
        this.types = List.copyOf(types);
        this.columns = new Object[types.size()][16];
        this.memory = memory;
    }

    public void add(Batch batch) {
        int n = batch.rowCount();
        ensureCapacity(size + n);
        long bytes = 0;
        for (int c = 0; c < columns.length; c++) {
            ColumnVector vector = batch.column(c);
            Object[] column = columns[c];
            for (int i = 0; i < n; i++) {
                Object value = vector.get(i);
                column[size + i] = value;
                bytes += MemoryAccount.estimate(value);
            }
        }
        memory.charge(bytes);
        size += n;
    }

    private void ensureCapacity(int needed) {
        if (columns.length == 0 || needed <= columns[0].length) {
            return;
        }
        int capacity = Math.max(needed, columns[0].length * 2);
        for (int c = 0; c < columns.length; c++) {
            columns[c] = Arrays.copyOf(columns[c], capacity);
        }
    }

    public int size() {
        return size;
    }

    public List<SqlType> types() {
        return types;
    }

    public Object get(int column, int row) {
        return columns[column][row];
    }

    /** The rows at {@code positions} ({@code -1} for a row of NULLs). */
    public List<ColumnVector> vectors(int[] positions, int count) {
        List<ColumnVector> out = new ArrayList<>(columns.length);
        for (int c = 0; c < columns.length; c++) {
            Object[] values = new Object[count];
            Object[] column = columns[c];
            for (int i = 0; i < count; i++) {
                int p = positions[i];
                values[i] = p < 0 ? null : column[p];
            }
            out.add(new ColumnVector(types.get(c), values, count));
        }
        return out;
    }

    public Batch batch(int[] positions, int count) {
        return new Batch(vectors(positions, count), count);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) as one batch. */
    public Batch range(int from, int to) {
        List<ColumnVector> out = new ArrayList<>(columns.length);
        for (int c = 0; c < columns.length; c++) {
            out.add(new ColumnVector(types.get(c), Arrays.copyOfRange(columns[c], from, to), to - from));
        }
        return new Batch(out, to - from);
    }
}
