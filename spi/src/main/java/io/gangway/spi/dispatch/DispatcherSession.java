package io.gangway.spi.dispatch;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.plan.PlannedStatement;
import java.util.List;
import java.util.Map;

/**
 * The dispatcher state of one QD session: its QE pool, its gangs, its statements in flight. Used
 * from the QD session's thread, except {@link DispatchedStatement#cancel()},
 * {@link DispatchedStatement#finish()}, {@link #stats()} and {@link #qes()}.
 *
 * <pre>
 *  QD                                  QEs (every gang member)
 *  dispatchPlan ── allocate gangs (writer first, idle QEs first)
 *               ── ExecuteSlice ──────▶ build the slice's operators, run, send/receive motions
 *  (QD runs its own slice)
 *  awaitResults ◀──── QeResult ─────── one per QE; the first error cancels the rest
 *  close        ── recycle gangs to the pool (destroy on error)
 * </pre>
 *
 * <p>Session settings the dispatcher honours (given at {@link Dispatcher#openSession} and changed by
 * {@link #applySettings}): {@code statement_timeout} (0 = none: every dispatch but a DTX command is
 * cancelled with {@code 57014} once it ran that long), {@code gp_cached_gang_threshold},
 * {@code gp_vmem_idle_resource_timeout}, {@code gp_vmem_protect_gang_cache_limit},
 * {@code gp_gang_creation_retry_count}, {@code gp_gang_creation_retry_timer} and
 * {@code gp_dispatch_pooling}. Every setting also reaches the QEs.
 *
 * <p>New methods are {@code default}s that refuse with {@code 0A000} (or report nothing), so an
 * older dispatcher keeps working; the TCK's {@code DispatcherContractTest} checks either behaviour.
 */
public interface DispatcherSession extends AutoCloseable {
    /**
     * Allocates gangs for every slice of the plan that runs on segments (and for the entry-db slice,
     * content -1) and sends each QE its slice, returning once every QE has its plan (so the QD can
     * start its own slice). The slice table names {@code coordinatorEndpoint} for slices that run in
     * the QD. A slice whose contents are a subset of the cluster (direct dispatch) gets QEs on those
     * segments only.
     */
    DispatchedStatement dispatchPlan(PlannedStatement plan, long commandId, Endpoint coordinatorEndpoint);

    /**
     * {@link #dispatchPlan(PlannedStatement, long, Endpoint)} with options: with
     * {@link DispatchOptions#cursor()} every gang is made of reader QEs only (never the writer) and
     * stays busy until the statement is closed, across other statements of the session. The default
     * refuses anything but {@link DispatchOptions#DEFAULT} with {@code 0A000}.
     */
    default DispatchedStatement dispatchPlan(PlannedStatement plan, long commandId, Endpoint coordinatorEndpoint,
            DispatchOptions options) {
        if (options.equals(DispatchOptions.DEFAULT)) {
            return dispatchPlan(plan, commandId, coordinatorEndpoint);
        }
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "This dispatcher does not support cursor gangs");
    }

    /**
     * Sends a request to the writer QE of every segment and waits for all of them; throws the
     * most informative QE error as an SqlException (after the rest answered or were cancelled). A QE
     * that answered with an error stays usable.
     */
    List<QeResult> dispatchToWriters(DispatchRequest request);

    /** Plain SQL text to the writer QE of every segment: {@code dispatchToWriters(new SqlText(sql))}. */
    default List<QeResult> dispatchSql(String sql) {
        return dispatchToWriters(new DispatchRequest.SqlText(sql));
    }

    /**
     * Sends a distributed-transaction command to the writer QEs of {@code contents} (the segments
     * that took part) and waits for every one of them: nothing is cancelled when one fails, and no
     * QE error is thrown. Returns one result per content, in the order given; a QE that failed, or
     * whose connection was lost ({@code 08006}), has its error in its result. Throws only when a
     * writer QE cannot be had ({@code 58M01}). Not subject to {@code statement_timeout}. The default
     * refuses with {@code 0A000}.
     */
    default List<QeResult> dispatchDtx(DispatchRequest.Dtx command, List<Integer> contents) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                "This dispatcher does not support distributed transaction commands");
    }

    /**
     * Changes session settings on every live QE, the idle pooled readers included, and on QEs made
     * later (they get the session's changed settings at startup). A busy QE that misses the change
     * (a cursor's gang) is destroyed when its gang is recycled.
     */
    void applySettings(Map<String, String> settings);

    /**
     * The session's snapshot of {@code gp_segment_configuration} is what gangs connect to; the QD
     * calls this at the start of every transaction. When {@code safe} (the session has no temp
     * tables and no distributed transaction is dispatched) and the cluster's configuration differs
     * from the snapshot, the snapshot is replaced, every idle QE is destroyed and true returned;
     * otherwise nothing changes. Whatever the snapshot, a QE whose segment the cluster marks down
     * ({@code status = 'd'}) is destroyed when its gang is recycled. The default never refreshes.
     */
    default boolean refreshComponents(boolean safe) {
        return false;
    }

    /**
     * Destroys every idle QE: readers only, or writers too ({@code includeWriters}, e.g. when the
     * session is reset). Busy QEs are left alone. The default does nothing.
     */
    default void cleanupIdleQes(boolean includeWriters) {
    }

    /**
     * Closes every statement of the session still open, cancelling its QEs: the QD calls it when a
     * statement or transaction aborts, so no dispatcher state outlives it (Greenplum registers each
     * dispatcher state with the resource owner). The default does nothing.
     */
    default void abortOpenStatements() {
    }

    /**
     * True once a writer QE of the session was lost (its connection broke, it did not answer a
     * cancel, or its segment went down): its transaction state on the segment is gone, so the QD
     * must reset the session (close this dispatcher session, open one with a new session id).
     * The default reports false.
     */
    default boolean writerLost() {
        return false;
    }

    /** The session's QEs, busy and idle, for a system view; any thread. The default lists none. */
    default List<QeInfo> qes() {
        return List.of();
    }

    /** The session's QE counters; any thread. */
    DispatchStats stats();

    /** Ends the session: every open statement is cancelled and every QE connection closed. */
    @Override
    void close();
}
