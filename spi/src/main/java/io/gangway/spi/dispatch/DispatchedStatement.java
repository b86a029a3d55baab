package io.gangway.spi.dispatch;

import java.util.List;

/** A plan in flight on its gangs. Closing it recycles the gangs (destroying them after an error). */
public interface DispatchedStatement extends AutoCloseable {
    SliceTable sliceTable();

    /**
     * Waits until every QE has reported; returns their results, or throws the most informative
     * error as an SqlException after cancelling every QE still running (a QE's own error wins over
     * an interconnect error it caused elsewhere).
     */
    List<QeResult> awaitResults();

    /** Cancels every QE of the statement (any thread). */
    void cancel();

    /** Asks every QE to stop early and successfully (the QD needs no more rows). */
    void finish();

    @Override
    void close();
}
