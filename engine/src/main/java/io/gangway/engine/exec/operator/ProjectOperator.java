package io.gangway.engine.exec.operator;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Batch;
import io.gangway.engine.exec.Operator;
import io.gangway.engine.exec.expr.CompiledExpr;
import java.util.List;
import java.util.Optional;

/** Computes one output column per expression. */
public final class ProjectOperator implements Operator {
    private final Operator input;
    private final List<CompiledExpr> expressions;

    public ProjectOperator(Operator input, List<CompiledExpr> expressions) {
        this.input = requireNonNull(input, "input is null");
        this.expressions = List.copyOf(expressions);
    }

    @Override
    public Optional<Batch> next() {
        return input.next().map(batch -> Batches.project(batch, expressions));
    }

    @Override
    public void close() {
        input.close();
    }
}
