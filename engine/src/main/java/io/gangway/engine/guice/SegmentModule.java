package io.gangway.engine.guice;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.gangway.engine.config.EngineSettings;
import io.gangway.engine.qe.SegmentQeService;
import io.gangway.engine.qe.SegmentServices;
import io.gangway.engine.txn.LocalTransactionManager;
import io.gangway.spi.dispatch.DispatchServer;
import io.gangway.spi.interconnect.Interconnect;
import io.gangway.spi.parser.Parser;
import io.gangway.spi.storage.StorageEngine;
import java.util.Map;

/**
 * The composition root of a segment: its interconnect, every installed storage engine (a table
 * picks one by name), its transaction manager, and the QE service its dispatch server runs.
 */
public final class SegmentModule extends AbstractModule {
    private final ProcessConfig config;
    private final ExtensionRegistry registry;

    public SegmentModule(ProcessConfig config, ExtensionRegistry registry) {
        this.config = requireNonNull(config, "config is null");
        this.registry = requireNonNull(registry, "registry is null");
    }

    @Override
    protected void configure() {
        bind(ProcessConfig.class).toInstance(config);
    }

    @Provides
    @Singleton
    Interconnect interconnect() {
        return registry.create(Interconnect.class, config.setting(EngineSettings.INTERCONNECT_TYPE),
                config.extensionContext(), config.settings().values());
    }

    @Provides
    @Singleton
    Map<String, StorageEngine> storageEngines() {
        return registry.createAll(StorageEngine.class, config.extensionContext(), config.settings().values());
    }

    @Provides
    @Singleton
    LocalTransactionManager transactions() {
        return LocalTransactionManager.open(config.dataDirectory());
    }

    @Provides
    @Singleton
    Parser parser() {
        return registry.create(Parser.class, config.setting(EngineSettings.PARSER), config.extensionContext(),
                config.settings().values());
    }

    @Provides
    @Singleton
    SegmentServices services(Interconnect interconnect, Map<String, StorageEngine> engines,
            LocalTransactionManager transactions, Parser parser) {
        return new SegmentServices(config.contentId(), interconnect, engines, transactions, parser, config.settings());
    }

    @Provides
    @Singleton
    SegmentQeService qeService(SegmentServices services) {
        return new SegmentQeService(services);
    }

    @Provides
    @Singleton
    DispatchServer dispatchServer() {
        return registry.create(DispatchServer.class, config.setting(EngineSettings.DISPATCHER), config.extensionContext(),
                config.settings().values());
    }
}
