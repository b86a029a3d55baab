package io.gangway.dispatcher;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.dispatch.DispatchedStatement;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.dispatch.SliceTable;
import java.util.List;

/** A dispatched plan as the QD sees it: its {@link DispatcherState} behind the SPI's face. */
final class DefaultDispatchedStatement implements DispatchedStatement {
    private final DispatcherState state;
    private final SliceTable sliceTable;

    DefaultDispatchedStatement(DispatcherState state, SliceTable sliceTable) {
        this.state = requireNonNull(state, "state is null");
        this.sliceTable = requireNonNull(sliceTable, "sliceTable is null");
    }

    @Override
    public SliceTable sliceTable() {
        return sliceTable;
    }

    @Override
    public List<QeResult> awaitResults() {
        state.checkResults();
        return state.getResults();
    }

    @Override
    public void onQeFailure(Runnable listener) {
        state.onFailure(listener);
    }

    @Override
    public void cancel() {
        state.cancel(false);
    }

    @Override
    public void finish() {
        state.cancel(true);
    }

    @Override
    public void close() {
        state.destroy();
    }
}
