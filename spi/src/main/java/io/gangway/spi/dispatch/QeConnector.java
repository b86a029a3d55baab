package io.gangway.spi.dispatch;

import java.util.concurrent.CompletableFuture;

/**
 * How an {@link IdleQePool} starts QEs: the dispatcher hands each session's pool one, bound to the
 * session's component databases (which segment serves a content, where it listens) and to the
 * dispatcher's own QD↔QE protocol. The pool decides when a QE is made; the connector knows how.
 *
 * <p>Called on the QD session's thread; the future completes on a dispatcher thread.
 */
public interface QeConnector {
    /**
     * Starts a QE on the primary of {@code startup.content()}: connects, presents the startup, and
     * completes with the live connection once the QE is ready. While the segment refuses because it
     * is starting up or recovering, the connector retries ({@code gp_gang_creation_retry_count}
     * times, {@code gp_gang_creation_retry_timer} apart) before it fails. Never blocks; a failure
     * completes the future exceptionally with the segment's reason as the exception's message (the
     * pool reports it in the DETAIL of its {@code 58M01} error).
     */
    CompletableFuture<QeConnection> connect(QeStartup startup);
}
