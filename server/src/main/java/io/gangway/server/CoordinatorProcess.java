package io.gangway.server;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.gangway.api.ClusterSecret;
import io.gangway.api.Settings;
import io.gangway.engine.config.EngineSettings;
import io.gangway.engine.config.SettingsRegistry;
import io.gangway.engine.guice.CoordinatorModule;
import io.gangway.engine.guice.ExtensionRegistry;
import io.gangway.engine.guice.ProcessConfig;
import io.gangway.engine.qd.QdSessionFactory;
import io.gangway.server.config.ConfiguredSettings;
import io.gangway.server.config.GangwayConf;
import io.gangway.server.config.PluginDirectory;
import io.gangway.server.config.ServerSettings;
import io.gangway.server.config.SegmentList;
import io.gangway.server.pgwire.PgWireServer;
import io.gangway.spi.ExtensionContext;
import io.gangway.spi.dispatch.DispatchServer;
import io.gangway.spi.dispatch.Dispatcher;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.interconnect.Interconnect;
import java.nio.file.Path;
import java.util.Map;

/**
 * The coordinator: its postmaster speaks the PostgreSQL protocol and starts a QD session for every
 * client. Settings come from the data directory's {@code gangway.conf}: {@code port},
 * {@code listen_address}, {@code segment.N = host:port:datadir} for each segment, and any declared
 * setting; an unknown one stops the start ({@link ConfiguredSettings}).
 */
public final class CoordinatorProcess implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CoordinatorProcess.class.getName());

    private final Injector injector;
    private final PgWireServer server;
    private final Endpoint endpoint;

    private CoordinatorProcess(Injector injector, PgWireServer server, Endpoint endpoint) {
        this.injector = injector;
        this.server = server;
        this.endpoint = endpoint;
    }

    public static CoordinatorProcess start(Path dataDirectory, Map<String, String> overrides) {
        ExtensionRegistry extensions = ExtensionRegistry.withPlugins(PluginDirectory.of(dataDirectory, overrides));
        ConfiguredSettings configured = ConfiguredSettings.load(dataDirectory, overrides,
                SettingsRegistry.build(extensions, ServerSettings.ALL));
        Map<String, String> settings = configured.values();
        Settings typed = new Settings(settings);
        String host = typed.getString(EngineSettings.LISTEN_ADDRESS);
        int port = typed.getInt(ServerSettings.PORT);
        ProcessConfig config = new ProcessConfig(ExtensionContext.Role.COORDINATOR, -1, dataDirectory, typed,
                ServerSettings.ALL, configured.sources(),
                // A server process never runs on the public test secret: the cluster's own must be there.
                ClusterSecret.readFrom(dataDirectory));
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new CoordinatorModule(config, extensions,
                SegmentList.fromSettings(settings, host, port, dataDirectory.toAbsolutePath().toString())));
        QdSessionFactory sessions = injector.getInstance(QdSessionFactory.class);
        PgWireServer server = new PgWireServer(parameters -> sessions.open(parameters.parameters()));
        Endpoint endpoint = server.start(host, port);
        LOG.log(System.Logger.Level.INFO, "coordinator listening on {0}, interconnect on {1}", endpoint,
                injector.getInstance(Interconnect.class).endpoint());
        return new CoordinatorProcess(injector, server, endpoint);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.close();
        injector.getInstance(Dispatcher.class).close();
        injector.getInstance(DispatchServer.class).close();
        injector.getInstance(Interconnect.class).close();
    }
}
