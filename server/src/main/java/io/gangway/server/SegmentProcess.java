package io.gangway.server;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.gangway.api.ClusterSecret;
import io.gangway.api.Settings;
import io.gangway.engine.config.EngineSettings;
import io.gangway.engine.config.SettingsRegistry;
import io.gangway.engine.guice.ExtensionRegistry;
import io.gangway.engine.guice.ProcessConfig;
import io.gangway.engine.guice.SegmentModule;
import io.gangway.engine.qe.SegmentQeService;
import io.gangway.engine.txn.LocalTransactionManager;
import io.gangway.server.config.ConfiguredSettings;
import io.gangway.server.config.GangwayConf;
import io.gangway.server.config.PluginDirectory;
import io.gangway.server.config.ServerSettings;
import io.gangway.spi.ExtensionContext;
import io.gangway.spi.dispatch.DispatchServer;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.interconnect.Interconnect;
import io.gangway.spi.storage.StorageEngine;
import java.nio.file.Path;
import java.util.Map;

/**
 * A segment: its postmaster (the dispatch server, which starts a QE for every dispatcher
 * connection) over its share of every table. Settings come from the data directory's
 * {@code gangway.conf}: {@code content}, {@code port}, {@code listen_address}, and any declared
 * setting; an unknown one stops the start ({@link ConfiguredSettings}).
 */
public final class SegmentProcess implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SegmentProcess.class.getName());

    private final Injector injector;
    private final DispatchServer server;
    private final Endpoint endpoint;

    private SegmentProcess(Injector injector, DispatchServer server, Endpoint endpoint) {
        this.injector = injector;
        this.server = server;
        this.endpoint = endpoint;
    }

    public static SegmentProcess start(Path dataDirectory, Map<String, String> overrides) {
        ExtensionRegistry extensions = ExtensionRegistry.withPlugins(PluginDirectory.of(dataDirectory, overrides));
        ConfiguredSettings configured = ConfiguredSettings.load(dataDirectory, overrides,
                SettingsRegistry.build(extensions, ServerSettings.ALL));
        Settings settings = new Settings(configured.values());
        int content = settings.getInt(ServerSettings.CONTENT);
        ProcessConfig config = new ProcessConfig(ExtensionContext.Role.SEGMENT, content, dataDirectory, settings,
                ServerSettings.ALL, configured.sources(),
                // A server process never runs on the public test secret: the cluster's own must be there.
                ClusterSecret.readFrom(dataDirectory));
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new SegmentModule(config, extensions));
        DispatchServer server = injector.getInstance(DispatchServer.class);
        // A segment without a port takes any free one (the coordinator's default is 15432).
        int port = settings.isSet(ServerSettings.PORT) ? settings.getInt(ServerSettings.PORT) : 0;
        Endpoint endpoint = server.start(new Endpoint(settings.getString(EngineSettings.LISTEN_ADDRESS), port),
                injector.getInstance(SegmentQeService.class));
        LOG.log(System.Logger.Level.INFO, "segment content={0} listening on {1}, interconnect on {2}", content, endpoint,
                injector.getInstance(Interconnect.class).endpoint());
        return new SegmentProcess(injector, server, endpoint);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.close();
        injector.getInstance(Interconnect.class).close();
        for (StorageEngine engine : injector.getInstance(com.google.inject.Key.get(
                new com.google.inject.TypeLiteral<Map<String, StorageEngine>>() { })).values()) {
            engine.close();
        }
        injector.getInstance(LocalTransactionManager.class).close();
    }
}
