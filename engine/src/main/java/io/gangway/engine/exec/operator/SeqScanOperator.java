package io.gangway.engine.exec.operator;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Batch;
import io.gangway.engine.exec.CancelState;
import io.gangway.engine.exec.Operator;
import io.gangway.engine.exec.expr.CompiledExpr;
import io.gangway.spi.storage.TableScan;
import java.util.Optional;

/** A storage scan (already projected to the plan's columns), filtered. Stops when the run is finished early. */
public final class SeqScanOperator implements Operator {
    private final TableScan scan;
    private final Optional<CompiledExpr> filter;
    private final CancelState cancel;
    private boolean closed;

    public SeqScanOperator(TableScan scan, Optional<CompiledExpr> filter, CancelState cancel) {
        this.scan = requireNonNull(scan, "scan is null");
        this.filter = requireNonNull(filter, "filter is null");
        this.cancel = requireNonNull(cancel, "cancel is null");
    }

    @Override
    public Optional<Batch> next() {
        while (!closed && !cancel.isFinished()) {
            cancel.check();
            Optional<Batch> batch = scan.next();
            if (batch.isEmpty()) {
                return Optional.empty();
            }
            Batch rows = filter.isPresent() ? Batches.filter(batch.get(), filter.get()) : batch.get();
            if (rows.rowCount() > 0) {
                return Optional.of(rows);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            scan.close();
        }
    }
}
