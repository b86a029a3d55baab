package io.gangway.spi.dispatch;

import io.gangway.api.Settings;
import io.gangway.spi.catalog.SegmentDescriptor;
import java.util.List;
import java.util.function.Supplier;

/**
 * The coordinator side of dispatch. One per coordinator process; each QD session opens its own
 * {@link DispatcherSession}.
 */
public interface Dispatcher extends AutoCloseable {
    /**
     * Opens the dispatcher side of a QD session. {@code components} gives the current
     * {@code gp_segment_configuration} (where each segment's postmaster listens).
     */
    DispatcherSession openSession(long sessionId, Supplier<List<SegmentDescriptor>> components, Settings settings);

    @Override
    void close();
}
