package io.gangway.engine.exec.expr;

import io.gangway.api.Batch;
import io.gangway.api.ColumnVector;
import io.gangway.api.SqlType;

/** An expression ready to evaluate: one output vector (of {@link #type()}) per input batch. */
public interface CompiledExpr {
    SqlType type();

    /** The expression's value for every row of {@code input}; a vector of {@code input.rowCount()} rows. */
    ColumnVector evaluate(Batch input);
}
