package io.gangway.spi.dispatch;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.dispatch.DispatchStats.DestroyReason;
import java.util.List;
import java.util.Map;

/**
 * The QEs of one QD session, kept connected between statements so gangs are reused, not re-made.
 *
 * <p>Rules (Greenplum's): the first QE made for a segment is the session's writer there and the
 * writer is always made before readers; the entry db (content -1) has no writer, only readers;
 * {@link #acquire} reuses an idle QE that fits the role before making one, and connects a gang's
 * new QEs in one batch, concurrently. {@link #release} keeps a QE for reuse unless
 * <ol>
 *   <li>the caller forces its destruction;</li>
 *   <li>its connection is broken;</li>
 *   <li>its segment is marked down in the cluster's configuration;</li>
 *   <li>it is a reader and its content already has {@code gp_cached_gang_threshold} idle readers
 *       (default 5; 1 for the entry db);</li>
 *   <li>it is a reader whose peak memory ({@link QeResult#peakMemoryBytes()}) passed
 *       {@code gp_vmem_protect_gang_cache_limit} (default 500 MB);</li>
 *   <li>pooling is off ({@code gp_dispatch_pooling = off}: every QE, writers included).</li>
 * </ol>
 * Idle readers are released after {@code gp_vmem_idle_resource_timeout} (default 18 s; writers are
 * kept). While a segment refuses QEs because it is starting up or recovering, acquiring retries
 * ({@code gp_gang_creation_retry_count} times, {@code gp_gang_creation_retry_timer} apart).
 *
 * <p>A pool is made per session by an {@link IdleQePoolFactory} and starts its QEs through the
 * session's {@link QeConnector}; it lends the very {@link QeConnection} objects the connector made
 * (never wrappers), since the dispatcher sends on them with its own protocol.
 *
 * <p>Called on the QD session's thread only, except {@link #stats()} and {@link #qes()} (any thread).
 * New methods are {@code default}s that refuse with {@code 0A000} or report nothing, so an older
 * pool keeps working.
 */
public interface IdleQePool extends AutoCloseable {
    /**
     * QEs for one gang: one per content, in order, each fitting {@code role}. New QEs of the gang are
     * connected concurrently. Throws SqlException {@code 58M01} if a segment cannot give one, with
     * the segment's own reason in DETAIL.
     */
    List<QeConnection> acquire(List<Integer> contents, QeRole role);

    /** Gives a QE back after a statement; {@code destroy} closes it instead (it failed, or must not be reused). */
    void release(QeConnection qe, boolean destroy);

    /**
     * Gives a QE back and closes it, counting it under {@code reason} ({@link DispatchStats#destroyedByReason}).
     * A writer destroyed as {@code FORCED}, {@code BROKEN} or {@code SEGMENT_DOWN} is lost
     * ({@link #writerLost()}). The default closes it with {@code release(qe, true)}.
     */
    default void destroy(QeConnection qe, DestroyReason reason) {
        release(qe, true);
    }

    /** Notes that {@code qe}, just acquired, serves gang {@code gangId} (for {@link #qes()}). The default does not record it. */
    default void assignGang(QeConnection qe, int gangId) {
    }

    /**
     * Lends every idle QE, writers included, for a request to all of them (a {@code SET}); each
     * comes back through {@link #release}. The default refuses with {@code 0A000}.
     */
    default List<QeConnection> takeIdle() {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "This idle QE pool does not support SET on idle QEs");
    }

    /**
     * The session's settings changed ({@code changed}: name to new value): QEs started from now on
     * start with them, the pool applies those it honours, and a QE lent before this call is not
     * lent again unless {@link #settingsApplied} says it took the change. The default refuses with
     * {@code 0A000}.
     */
    default void settingsChanged(Map<String, String> changed) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "This idle QE pool does not support changing settings");
    }

    /** {@code qe}, lent, took the session's current settings and may be kept. The default does nothing. */
    default void settingsApplied(QeConnection qe) {
    }

    /**
     * Closes every idle QE: readers only, or writers too ({@code includeWriters}), each counted as
     * {@code CLEANUP}; busy QEs are left alone. The default does nothing.
     */
    default void cleanupIdle(boolean includeWriters) {
    }

    /** True once a writer QE was destroyed as forced, broken or on a segment marked down. The default reports false. */
    default boolean writerLost() {
        return false;
    }

    /** Every QE of the pool, busy and idle, in identifier order; any thread. The default lists none. */
    default List<QeInfo> qes() {
        return List.of();
    }

    /** How many QEs of this content sit idle (the writer included). */
    int idleCount(int content);

    /** Counters since the session started. */
    DispatchStats stats();

    /** Closes every QE, busy or idle. */
    @Override
    void close();
}
