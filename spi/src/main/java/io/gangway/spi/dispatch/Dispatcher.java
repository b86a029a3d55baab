package io.gangway.spi.dispatch;

import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
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

    /**
     * {@link #openSession(long, Supplier, Settings)} with the session's idle QE pool and gang
     * manager made by {@code qeManagement}'s factories (the configuration's {@value IdleQePoolFactory#SETTING}
     * and {@value GangManagerFactory#SETTING}), used through their interfaces only. The
     * composition root calls this form. The default refuses with {@code 0A000}: a dispatcher that
     * keeps its QEs its own way cannot take another pool.
     */
    default DispatcherSession openSession(long sessionId, Supplier<List<SegmentDescriptor>> components, Settings settings,
            QeManagement qeManagement) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                "This dispatcher does not support a configured idle QE pool or gang manager");
    }

    @Override
    void close();
}
