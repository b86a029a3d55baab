package io.gangway.engine.exec.operator;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Batch;
import io.gangway.engine.exec.CancelState;
import io.gangway.engine.exec.Operator;
import java.util.Optional;

/** Checks for cancellation before every batch an operator produces. The builder wraps every operator in one. */
public final class CheckedOperator implements Operator {
    private final Operator delegate;
    private final CancelState cancel;

    public CheckedOperator(Operator delegate, CancelState cancel) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.cancel = requireNonNull(cancel, "cancel is null");
    }

    @Override
    public Optional<Batch> next() {
        cancel.check();
        return delegate.next();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
