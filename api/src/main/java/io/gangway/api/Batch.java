package io.gangway.api;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A column batch: what operators pass each other and what motions carry. Up to about
 * {@link #DEFAULT_ROWS} rows, one {@link ColumnVector} per column, all of {@link #rowCount()} rows.
 * A batch may have no columns and still count rows (the input of {@code SELECT count(*)}).
 */
public record Batch(List<ColumnVector> columns, int rowCount) {
    /** How many rows operators aim to put in a batch. */
    public static final int DEFAULT_ROWS = 1024;

    public Batch {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        for (ColumnVector column : columns) {
            if (column.size() != rowCount) {
                throw new IllegalArgumentException(
                        "column of " + column.size() + " rows in a batch of " + rowCount);
            }
        }
    }

    public ColumnVector column(int index) {
        return columns.get(index);
    }

    public int columnCount() {
        return columns.size();
    }

    /** One row's values, for code that works a row at a time (the wire, tests). */
    public List<Object> row(int row) {
        List<Object> values = new ArrayList<>(columns.size());
        for (ColumnVector column : columns) {
            values.add(column.get(row));
        }
        return values;
    }

    /** The rows at {@code positions}, in that order. */
    public Batch select(int[] positions, int count) {
        List<ColumnVector> out = new ArrayList<>(columns.size());
        for (ColumnVector column : columns) {
            out.add(column.select(positions, count));
        }
        return new Batch(out, count);
    }

    /** A batch made of rows given as lists, for tests and for small literal inputs. */
    public static Batch ofRows(List<SqlType> types, List<List<Object>> rows) {
        List<ColumnVector> columns = new ArrayList<>(types.size());
        for (int c = 0; c < types.size(); c++) {
            ColumnVector.Builder builder = ColumnVector.builder(types.get(c), rows.size());
            for (List<Object> row : rows) {
                builder.append(row.get(c));
            }
            columns.add(builder.build());
        }
        return new Batch(columns, rows.size());
    }
}
