package io.gangway.spi.dispatch;

import java.util.List;

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
 * <p>Called on the QD session's thread only.
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

    /** How many QEs of this content sit idle (the writer included). */
    int idleCount(int content);

    /** Counters since the session started. */
    DispatchStats stats();

    /** Closes every QE, busy or idle. */
    @Override
    void close();
}
