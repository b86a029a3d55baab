package io.gangway.spi.dispatch;

import io.gangway.spi.interconnect.Endpoint;

/**
 * The executing side of a segment (or of the coordinator's entry db), as a dispatch server sees
 * it: the engine implements it, a {@link DispatchServer} calls it.
 */
public interface QeService {
    /** Where this process's interconnect receives; reported to the QD when a QE starts. */
    Endpoint interconnectEndpoint();

    /** Starts a QE session for one dispatcher connection. Throws SqlException {@code 57P03} while the process cannot take QEs. */
    QeSession open(QeStartup startup);
}
