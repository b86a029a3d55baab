package io.gangway.engine.exec;

import io.gangway.api.Batch;
import io.gangway.api.SqlType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A test input: hand-built batches, recording how many were pulled and whether it was closed. */
public final class ListOperator implements Operator {
    private final Deque<Batch> batches;
    public int pulled;
    public boolean closed;

    public ListOperator(List<Batch> batches) {
        this.batches = new ArrayDeque<>(batches);
    }

    /** Rows split into batches of {@code batchSize}. */
    public static ListOperator of(List<SqlType> types, int batchSize, List<List<Object>> rows) {
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += batchSize) {
            batches.add(Batch.ofRows(types, rows.subList(from, Math.min(rows.size(), from + batchSize))));
        }
        return new ListOperator(batches);
    }

    @Override
    public Optional<Batch> next() {
        if (closed) {
            throw new IllegalStateException("pulled after close");
        }
        Batch b = batches.poll();
        if (b != null) {
            pulled++;
        }
        return Optional.ofNullable(b);
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Every row an operator outputs, closing it afterwards. */
    public static List<List<Object>> drain(Operator operator) {
        List<List<Object>> rows = new ArrayList<>();
        try (operator) {
            for (Optional<Batch> b = operator.next(); b.isPresent(); b = operator.next()) {
                assertNonEmpty(b.get());
                for (int i = 0; i < b.get().rowCount(); i++) {
                    rows.add(b.get().row(i));
                }
            }
        }
        return rows;
    }

    private static void assertNonEmpty(Batch batch) {
        if (batch.rowCount() == 0) {
            throw new AssertionError("operators must not return empty batches");
        }
    }

    /** A row as a list that may hold nulls. */
    public static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }
}
