package io.gangway.spi.dispatch;

import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.plan.PlannedStatement;
import java.util.List;
import java.util.Map;

/**
 * The dispatcher state of one QD session: its QE pool, its gangs, its statements in flight. Used
 * from the QD session's thread, except {@link DispatchedStatement#cancel()}.
 *
 * <pre>
 *  QD                                  QEs (every gang member)
 *  dispatchPlan ── allocate gangs (writer first, idle QEs first)
 *               ── ExecuteSlice ──────▶ build the slice's operators, run, send/receive motions
 *  (QD runs its own slice)
 *  awaitResults ◀──── QeResult ─────── one per QE; the first error cancels the rest
 *  close        ── recycle gangs to the pool (destroy on error)
 * </pre>
 */
public interface DispatcherSession extends AutoCloseable {
    /**
     * Allocates gangs for every slice of the plan that runs on segments and sends each QE its
     * slice, returning once every QE has its plan (so the QD can start its own slice). The slice
     * table names {@code coordinatorEndpoint} for slices that run on the coordinator.
     */
    DispatchedStatement dispatchPlan(PlannedStatement plan, long commandId, Endpoint coordinatorEndpoint);

    /**
     * Sends a request to the writer QE of every segment and waits for all of them; throws the
     * first QE error as an SqlException (after the rest answered or were cancelled).
     */
    List<QeResult> dispatchToWriters(DispatchRequest request);

    /** Changes session settings on every live QE and on QEs made later. */
    void applySettings(Map<String, String> settings);

    /** The session's QE counters. */
    DispatchStats stats();

    /** Ends the session: every QE connection is closed. */
    @Override
    void close();
}
