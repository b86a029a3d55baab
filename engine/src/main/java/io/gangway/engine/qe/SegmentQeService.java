package io.gangway.engine.qe;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.dispatch.QeService;
import io.gangway.spi.dispatch.QeSession;
import io.gangway.spi.dispatch.QeStartup;
import io.gangway.spi.interconnect.Endpoint;

/** The executing side of a segment: a {@link SegmentQe} for every dispatcher connection. */
public final class SegmentQeService implements QeService {
    private final SegmentServices services;

    public SegmentQeService(SegmentServices services) {
        this.services = requireNonNull(services, "services is null");
    }

    @Override
    public Endpoint interconnectEndpoint() {
        return services.interconnect().endpoint();
    }

    @Override
    public QeSession open(QeStartup startup) {
        return new SegmentQe(services, startup);
    }
}
