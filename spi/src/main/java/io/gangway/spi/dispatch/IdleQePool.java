package io.gangway.spi.dispatch;

import java.util.List;

/**
 * The QEs of one QD session, kept connected between statements so gangs are reused, not re-made.
 *
 * <p>Rules (Greenplum's): the first QE made for a segment is the session's writer there and the
 * writer is always made before readers; {@link #acquire} reuses an idle QE that fits the role
 * before making one; {@link #release} keeps a QE for reuse unless asked to destroy it or it is
 * broken or the segment's idle readers are already at the cache threshold.
 *
 * <p>Called on the QD session's thread only.
 */
public interface IdleQePool extends AutoCloseable {
    /**
     * QEs for one gang: one per content, in order, each fitting {@code role}. New QEs of the gang are
     * connected concurrently. Throws SqlException {@code 58M01} if a segment cannot give one.
     */
    List<QeConnection> acquire(List<Integer> contents, QeRole role);

    /** Gives a QE back after a statement; {@code destroy} closes it instead (it failed, or must not be reused). */
    void release(QeConnection qe, boolean destroy);

    /** How many QEs of this content sit idle. */
    int idleCount(int content);

    /** Counters since the session started. */
    DispatchStats stats();

    /** Closes every QE, busy or idle. */
    @Override
    void close();
}
