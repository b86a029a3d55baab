package io.gangway.engine.exec.operator;

import io.gangway.api.Batch;
import io.gangway.engine.exec.Operator;
import java.util.Optional;

/** Outputs one precomputed batch (a VALUES list), once. */
public final class ValuesOperator implements Operator {
    private Batch rows;

    public ValuesOperator(Batch rows) {
        this.rows = rows.rowCount() == 0 ? null : rows;
    }

    @Override
    public Optional<Batch> next() {
        Batch out = rows;
        rows = null;
        return Optional.ofNullable(out);
    }

    @Override
    public void close() {
        rows = null;
    }
}
