package io.gangway.spi.dispatch;

/**
 * One QE: the session a dispatcher connection gets on a segment. Requests come one at a time, in
 * the order the QD sent them, each on a thread that may block.
 */
public interface QeSession extends AutoCloseable {
    /**
     * Carries out a request and reports how it went. Errors are reported in the result, not thrown,
     * so that the QE stays usable for the next request.
     */
    QeResult execute(DispatchRequest request);

    /**
     * Stops the running request from any thread: {@code finish} asks it to end early and successfully
     * (its receiver needs no more rows); otherwise it fails with {@code 57014}.
     */
    void cancel(boolean finish);

    /** Ends the session (the dispatcher connection closed); a running request is cancelled. */
    @Override
    void close();
}
