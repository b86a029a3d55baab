package io.gangway.spi.dispatch;

import io.gangway.spi.interconnect.Endpoint;

/**
 * The listening side of the QD↔QE protocol in a segment's postmaster: accepts dispatcher
 * connections and gives each a {@link QeSession} from the {@link QeService}. When a connection
 * drops, its QE session is closed (a QD that went away leaves no QE behind).
 */
public interface DispatchServer extends AutoCloseable {
    /** Starts listening; returns the bound endpoint (port 0 binds any free port). */
    Endpoint start(Endpoint listenOn, QeService service);

    /** How many QE sessions are open now. */
    int openSessions();

    @Override
    void close();
}
