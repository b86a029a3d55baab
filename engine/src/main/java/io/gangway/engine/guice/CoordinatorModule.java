package io.gangway.engine.guice;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.gangway.api.settings.SettingDefinition;
import io.gangway.engine.analyzer.DefaultAnalyzer;
import io.gangway.engine.catalog.Catalog;
import io.gangway.engine.config.EngineSettings;
import io.gangway.engine.config.SettingsRegistry;
import io.gangway.engine.qd.CoordinatorServices;
import io.gangway.engine.qd.QdSessionFactory;
import io.gangway.engine.qe.SegmentQeService;
import io.gangway.engine.qe.SegmentServices;
import io.gangway.engine.txn.LocalTransactionManager;
import io.gangway.spi.dispatch.DispatchServer;
import io.gangway.spi.interconnect.Endpoint;
import java.util.Map;
import io.gangway.spi.analyzer.Analyzer;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.dispatch.Dispatcher;
import io.gangway.spi.dispatch.GangManagerFactory;
import io.gangway.spi.dispatch.IdleQePoolFactory;
import io.gangway.spi.dispatch.QeManagement;
import io.gangway.spi.interconnect.Interconnect;
import io.gangway.spi.parser.Parser;
import io.gangway.spi.planner.Planner;
import io.gangway.spi.rewriter.Rewriter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The composition root of a coordinator: binds each SPI to the service the configuration selects
 * ({@code parser}, {@code analyzer}, {@code rewriter}, {@code planner}, {@code dispatcher},
 * {@code gp_idle_qe_pool}, {@code gp_gang_manager}, {@code gp_interconnect_type}) and builds the QD
 * session factory on them.
 */
public final class CoordinatorModule extends AbstractModule {
    private final ProcessConfig config;
    private final ExtensionRegistry registry;
    private final List<SegmentDescriptor> initialSegments;

    public CoordinatorModule(ProcessConfig config, ExtensionRegistry registry, List<SegmentDescriptor> initialSegments) {
        this.config = requireNonNull(config, "config is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.initialSegments = List.copyOf(initialSegments);
    }

    @Override
    protected void configure() {
        bind(ProcessConfig.class).toInstance(config);
        bind(ExtensionRegistry.class).toInstance(registry);
    }

    @Provides
    @Singleton
    Analyzer analyzer() {
        return create(Analyzer.class, EngineSettings.ANALYZER);
    }

    /** Every setting the coordinator knows: the engine's, the installed extensions' and the host's. */
    @Provides
    @Singleton
    SettingsRegistry settingsRegistry() {
        return SettingsRegistry.build(registry, config.hostSettings());
    }

    @Provides
    @Singleton
    Parser parser() {
        return create(Parser.class, EngineSettings.PARSER);
    }

    @Provides
    @Singleton
    Rewriter rewriter() {
        return create(Rewriter.class, EngineSettings.REWRITER);
    }

    @Provides
    @Singleton
    Planner planner() {
        return create(Planner.class, EngineSettings.PLANNER);
    }

    @Provides
    @Singleton
    IdleQePoolFactory idleQePools() {
        return create(IdleQePoolFactory.class, EngineSettings.IDLE_QE_POOL);
    }

    @Provides
    @Singleton
    GangManagerFactory gangManagers() {
        return create(GangManagerFactory.class, EngineSettings.GANG_MANAGER);
    }

    /** The dispatcher, opening each session with the configured pool and gang manager through their interfaces. */
    @Provides
    @Singleton
    Dispatcher dispatcher(IdleQePoolFactory pools, GangManagerFactory gangManagers) {
        boolean explicit = config.settings().get(IdleQePoolFactory.SETTING).isPresent()
                || config.settings().get(GangManagerFactory.SETTING).isPresent();
        return new ConfiguredQeManagementDispatcher(create(Dispatcher.class, EngineSettings.DISPATCHER),
                new QeManagement(pools, gangManagers), explicit);
    }

    @Provides
    @Singleton
    Interconnect interconnect() {
        return create(Interconnect.class, EngineSettings.INTERCONNECT_TYPE);
    }

    @Provides
    @Singleton
    Catalog catalog() {
        return Catalog.open(config.dataDirectory().resolve("catalog"), initialSegments);
    }

    @Provides
    @Singleton
    ScheduledExecutorService timer() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("gangway-timer").factory());
    }

    @Provides
    @Singleton
    LocalTransactionManager transactions() {
        return LocalTransactionManager.open(config.dataDirectory());
    }

    /** The entry db: QEs on the coordinator (content -1) for slices that must run there, with no table storage. */
    @Provides
    @Singleton
    SegmentQeService entryDbQeService(Interconnect interconnect, LocalTransactionManager transactions, Parser parser) {
        return new SegmentQeService(new SegmentServices(-1, interconnect, Map.of(), transactions, parser, config.settings()));
    }

    @Provides
    @Singleton
    DispatchServer entryDbListener() {
        return create(DispatchServer.class, EngineSettings.DISPATCHER);
    }

    @Provides
    @Singleton
    CoordinatorServices services(Parser parser, Analyzer analyzer, Rewriter rewriter, Planner planner,
            Dispatcher dispatcher, Interconnect interconnect, Catalog catalog, ScheduledExecutorService timer,
            DispatchServer entryDbListener, SegmentQeService entryDbQeService, SettingsRegistry settingsRegistry) {
        Endpoint entryDb = entryDbListener.start(new Endpoint(config.setting(EngineSettings.LISTEN_ADDRESS),
                config.settings().getInt(EngineSettings.ENTRYDB_PORT)), entryDbQeService);
        return new CoordinatorServices(parser, analyzer, rewriter, planner, dispatcher, interconnect, catalog,
                config.settings(), timer, entryDb, settingsRegistry, config.sources());
    }

    @Provides
    @Singleton
    QdSessionFactory sessions(CoordinatorServices services) {
        return new QdSessionFactory(services);
    }

    private <T> T create(Class<T> type, SettingDefinition setting) {
        return registry.create(type, config.setting(setting), config.extensionContext(),
                config.settings().values());
    }
}
