package io.gangway.dispatcher;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.dispatch.QeConnection;
import io.gangway.spi.dispatch.QeConnector;
import io.gangway.spi.dispatch.QeStartup;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The {@link QeConnector} a session hands its pool: connects to the primaries of the session's
 * component databases with the session's current connect settings, and remembers every connection
 * it made (weakly: as long as a pool or gang holds it) so the dispatcher finds its own
 * {@link PooledQeConnection} behind a {@link QeConnection} the pool lends, without a cast.
 */
final class SessionQeConnector implements QeConnector {
    private final NettyQeConnector connector;
    private final ComponentDatabases components;
    private final Supplier<DispatcherConfig> config;
    private final Map<QeConnection, WeakReference<PooledQeConnection>> made = Collections.synchronizedMap(new WeakHashMap<>());

    SessionQeConnector(NettyQeConnector connector, ComponentDatabases components, Supplier<DispatcherConfig> config) {
        this.connector = requireNonNull(connector, "connector is null");
        this.components = requireNonNull(components, "components is null");
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    public CompletableFuture<QeConnection> connect(QeStartup startup) {
        requireNonNull(startup, "startup is null");
        return connector.connect(() -> components.primary(startup.content()), startup, config.get()).thenApply(qe -> {
            made.put(qe, new WeakReference<>(qe));
            return qe;
        });
    }

    /** This session's connection behind {@code qe}; a QE this connector did not make is refused. */
    PooledQeConnection own(QeConnection qe) {
        WeakReference<PooledQeConnection> ref = made.get(qe);
        PooledQeConnection connection = ref == null ? null : ref.get();
        if (connection == null) {
            throw new IllegalArgumentException(qe + " was not made by this dispatcher session's connector");
        }
        return connection;
    }
}
