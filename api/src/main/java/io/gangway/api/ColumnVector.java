package io.gangway.api;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * One column of a {@link Batch}: a type and a value per row, {@code null} standing for SQL NULL.
 * Vectors are built once and then only read; operators that change values make new vectors.
 */
public final class ColumnVector {
    private final SqlType type;
    private final Object[] values;
    private final int size;

    public ColumnVector(SqlType type, Object[] values, int size) {
        this.type = requireNonNull(type, "type is null");
        this.values = requireNonNull(values, "values is null");
        if (size < 0 || size > values.length) {
            throw new IllegalArgumentException("size " + size + " outside 0.." + values.length);
        }
        this.size = size;
    }

    /** A vector of {@code count} copies of one value (a constant over a batch). */
    public static ColumnVector constant(SqlType type, Object value, int count) {
        Object[] values = new Object[count];
        Arrays.fill(values, value);
        return new ColumnVector(type, values, count);
    }

    public SqlType type() {
        return type;
    }

    public int size() {
        return size;
    }

    public Object get(int row) {
        if (row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size);
        }
        return values[row];
    }

    public boolean isNull(int row) {
        return get(row) == null;
    }

    /** The rows named by {@code positions}, in that order. */
    public ColumnVector select(int[] positions, int count) {
        Object[] out = new Object[count];
        for (int i = 0; i < count; i++) {
            out[i] = get(positions[i]);
        }
        return new ColumnVector(type, out, count);
    }

    /** A builder that grows as values are appended. */
    public static Builder builder(SqlType type, int expectedSize) {
        return new Builder(type, expectedSize);
    }

    public static final class Builder {
        private final SqlType type;
        private Object[] values;
        private int size;

        private Builder(SqlType type, int expectedSize) {
            this.type = requireNonNull(type, "type is null");
            this.values = new Object[Math.max(expectedSize, 4)];
        }

        public Builder append(Object value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
            return this;
        }

        public int size() {
            return size;
        }

        public ColumnVector build() {
            return new ColumnVector(type, values, size);
        }
    }
}
