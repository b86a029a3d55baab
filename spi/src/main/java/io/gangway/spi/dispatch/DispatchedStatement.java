package io.gangway.spi.dispatch;

import java.util.List;

/**
 * A plan in flight on its gangs (Greenplum's dispatcher state). It stays registered with its
 * {@link DispatcherSession} until closed, so {@link DispatcherSession#abortOpenStatements()} and
 * {@link DispatcherSession#close()} clean up a statement the QD abandoned.
 *
 * <p>Closing it recycles the gangs: a QE still running is cancelled first (and destroyed if it does
 * not answer in time), a QE whose connection was lost is destroyed, the reader QEs of a statement
 * that failed or was cancelled are destroyed, and writers that answered are kept (destroying one
 * would reset the session).
 */
public interface DispatchedStatement extends AutoCloseable {
    SliceTable sliceTable();

    /**
     * Waits until every QE has reported; returns their results in gang order, or throws the most
     * informative error as an SqlException after cancelling every QE still running (a QE's own
     * error wins over an interconnect error it caused elsewhere, which wins over the cancels the QD
     * sent). Past the session's {@code statement_timeout} every QE is cancelled and {@code 57014}
     * "canceling statement due to statement timeout" thrown.
     */
    List<QeResult> awaitResults();

    /**
     * Registers {@code listener} to run once, on a dispatcher thread, as soon as any QE of the
     * statement reports an error or its connection is lost — while the QD may still be busy with its
     * own slice, blocked on a motion whose sender will never answer (a crashed segment over an
     * interconnect that cannot tell). Runs at once if that already happened. It must not block.
     * The default never calls it.
     */
    default void onQeFailure(Runnable listener) {
    }

    /** Cancels every QE of the statement (any thread): a client's cancel request; {@code 57014}. */
    void cancel();

    /**
     * Asks every QE still running to stop early and successfully (any thread): the statement got
     * what it needed (a satisfied LIMIT), so QEs end gracefully and stay reusable.
     */
    void finish();

    @Override
    void close();
}
