package io.gangway.engine.guice;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.gangway.engine.analyzer.DefaultAnalyzer;
import io.gangway.engine.catalog.Catalog;
import io.gangway.engine.qd.CoordinatorServices;
import io.gangway.engine.qd.QdSessionFactory;
import io.gangway.engine.qe.SegmentQeService;
import io.gangway.engine.qe.SegmentServices;
import io.gangway.engine.txn.LocalTransactionManager;
import io.gangway.spi.dispatch.DispatchServer;
import io.gangway.spi.interconnect.Endpoint;
import java.util.Map;
import io.gangway.engine.rewriter.ViewExpander;
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
 * ({@code parser}, {@code planner}, {@code dispatcher}, {@code gp_idle_qe_pool}, {@code gp_gang_manager},
 * {@code gp_interconnect_type}) and builds the QD session factory on them.
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
        bind(Analyzer.class).to(DefaultAnalyzer.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    Parser parser() {
        return create(Parser.class, "parser", "antlr");
    }

    @Provides
    @Singleton
    Rewriter rewriter(Parser parser, Analyzer analyzer) {
        return new ViewExpander(parser, analyzer);
    }

    @Provides
    @Singleton
    Planner planner() {
        return create(Planner.class, "planner", "rules");
    }

    @Provides
    @Singleton
    IdleQePoolFactory idleQePools() {
        return create(IdleQePoolFactory.class, IdleQePoolFactory.SETTING, IdleQePoolFactory.DEFAULT_NAME);
    }

    @Provides
    @Singleton
    GangManagerFactory gangManagers() {
        return create(GangManagerFactory.class, GangManagerFactory.SETTING, GangManagerFactory.DEFAULT_NAME);
    }

    /** The dispatcher, opening each session with the configured pool and gang manager through their interfaces. */
    @Provides
    @Singleton
    Dispatcher dispatcher(IdleQePoolFactory pools, GangManagerFactory gangManagers) {
        boolean explicit = config.settings().get(IdleQePoolFactory.SETTING).isPresent()
                || config.settings().get(GangManagerFactory.SETTING).isPresent();
        return new ConfiguredQeManagementDispatcher(create(Dispatcher.class, "dispatcher", "default"),
                new QeManagement(pools, gangManagers), explicit);
    }

    @Provides
    @Singleton
    Interconnect interconnect() {
        return create(Interconnect.class, "gp_interconnect_type", "tcp");
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
        return create(DispatchServer.class, "dispatcher", "default");
    }

    @Provides
    @Singleton
    CoordinatorServices services(Parser parser, Analyzer analyzer, Rewriter rewriter, Planner planner,
            Dispatcher dispatcher, Interconnect interconnect, Catalog catalog, ScheduledExecutorService timer,
            DispatchServer entryDbListener, SegmentQeService entryDbQeService) {
        Endpoint entryDb = entryDbListener.start(new Endpoint(config.setting("listen_address", "127.0.0.1"),
                Integer.parseInt(config.setting("entrydb_port", "0"))), entryDbQeService);
        return new CoordinatorServices(parser, analyzer, rewriter, planner, dispatcher, interconnect, catalog,
                config.settings(), timer, entryDb);
    }

    @Provides
    @Singleton
    QdSessionFactory sessions(CoordinatorServices services) {
        return new QdSessionFactory(services);
    }

    private <T> T create(Class<T> type, String setting, String defaultName) {
        return registry.create(type, config.setting(setting, defaultName), config.extensionContext(),
                config.settings().values());
    }
}
