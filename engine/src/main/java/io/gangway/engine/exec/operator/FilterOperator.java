package io.gangway.engine.exec.operator;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Batch;
import io.gangway.engine.exec.Operator;
import io.gangway.engine.exec.expr.CompiledExpr;
import java.util.Optional;

/** Keeps the rows for which the predicate is true; never returns an empty batch. */
public final class FilterOperator implements Operator {
    private final Operator input;
    private final CompiledExpr predicate;

    public FilterOperator(Operator input, CompiledExpr predicate) {
        this.input = requireNonNull(input, "input is null");
        this.predicate = requireNonNull(predicate, "predicate is null");
    }

    @Override
    public Optional<Batch> next() {
        while (true) {
            Optional<Batch> batch = input.next();
            if (batch.isEmpty()) {
                return batch;
            }
            Batch rows = Batches.filter(batch.get(), predicate);
            if (rows.rowCount() > 0) {
                return Optional.of(rows);
            }
        }
    }

    @Override
    public void close() {
        input.close();
    }
}
