package io.gangway.spi.dispatch;

import io.gangway.spi.interconnect.Endpoint;
import java.util.concurrent.CompletableFuture;

/**
 * The QD's handle on one QE: a live dispatcher connection to a segment. Made and owned by an
 * {@link IdleQePool}; lent to gangs.
 */
public interface QeConnection {
    int content();

    /** True for the session's writer QE on this segment (the first QE made there). */
    boolean isWriter();

    /** The QE's number in the QD session ({@code qe_identifier}). */
    int identifier();

    /** Where the QE's process receives motion streams. */
    Endpoint interconnectEndpoint();

    /** True while the connection is open and no error has broken it. */
    boolean isHealthy();

    /**
     * The most memory the QE reported holding so far ({@link QeResult#peakMemoryBytes()}), by which
     * a pool decides whether to keep a reader; 0 when unknown (the default).
     */
    default long peakMemoryBytes() {
        return 0;
    }

    /** Sends a request without waiting; the future completes with the QE's result, or with an SqlException if the connection fails. */
    CompletableFuture<QeResult> send(DispatchRequest request);

    /** Sends a cancel ({@code finish=false}) or a finish request for the running request. */
    void cancel(boolean finish);

    /** Closes the connection; the QE session on the segment ends. */
    void close();
}
