package io.gangway.engine.guice;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.dispatch.Dispatcher;
import io.gangway.spi.dispatch.DispatcherSession;
import io.gangway.spi.dispatch.QeManagement;
import java.util.List;
import java.util.function.Supplier;

/**
 * The configured dispatcher, opening every session with the idle QE pool and gang manager factories
 * the configuration chose. A dispatcher older than pluggable pools refuses them with {@code 0A000};
 * when the configuration left both at their defaults ({@code explicit} false) it then keeps its
 * own, so such a dispatcher still works; when it named one, the refusal stands.
 */
final class ConfiguredQeManagementDispatcher implements Dispatcher {
    private final Dispatcher delegate;
    private final QeManagement qeManagement;
    private final boolean explicit;
    private volatile boolean ownQes;

    ConfiguredQeManagementDispatcher(Dispatcher delegate, QeManagement qeManagement, boolean explicit) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.qeManagement = requireNonNull(qeManagement, "qeManagement is null");
        this.explicit = explicit;
    }

    @Override
    public DispatcherSession openSession(long sessionId, Supplier<List<SegmentDescriptor>> components, Settings settings) {
        if (ownQes) {
            return delegate.openSession(sessionId, components, settings);
        }
        try {
            return delegate.openSession(sessionId, components, settings, qeManagement);
        } catch (SqlException e) {
            if (explicit || e.state() != SqlState.FEATURE_NOT_SUPPORTED) {
                throw e;
            }
            ownQes = true;
            return delegate.openSession(sessionId, components, settings);
        }
    }

    @Override
    public DispatcherSession openSession(long sessionId, Supplier<List<SegmentDescriptor>> components, Settings settings,
            QeManagement management) {
        return delegate.openSession(sessionId, components, settings, management);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
