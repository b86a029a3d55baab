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
     * Opens the dispatcher side of a QD session. {@code components} gives the cluster's current
     * {@code gp_segment_configuration} (where each segment's and the entry db's dispatch listener
     * is); the session takes its snapshot from it now and at {@link DispatcherSession#refreshComponents},
     * and asks it again at recycle whether a segment is marked down. {@code settings} are the
     * session's (see {@link DispatcherSession} for those the dispatcher honours); QEs start with them.
     */
    DispatcherSession openSession(long sessionId, Supplier<List<SegmentDescriptor>> components, Settings settings);

    @Override
    void close();
}
