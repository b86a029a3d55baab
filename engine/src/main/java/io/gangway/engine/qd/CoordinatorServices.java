package io.gangway.engine.qd;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Settings;
import io.gangway.engine.catalog.Catalog;
import io.gangway.engine.config.SettingSource;
import io.gangway.engine.config.SettingsRegistry;
import io.gangway.spi.analyzer.Analyzer;
import io.gangway.spi.dispatch.Dispatcher;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.interconnect.Interconnect;
import io.gangway.spi.parser.Parser;
import io.gangway.spi.planner.Planner;
import io.gangway.spi.rewriter.Rewriter;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every QD session of a coordinator shares: the chosen SPI services, the catalog, the process
 * settings (with the registry that declares them and where each value came from), and where the coordinator's entry-db QEs are started ({@code entryDb}: the dispatch
 * listener for content -1, which runs entry-db reader slices such as the VALUES feeding an INSERT).
 */
public record CoordinatorServices(
        Parser parser,
        Analyzer analyzer,
        Rewriter rewriter,
        Planner planner,
        Dispatcher dispatcher,
        Interconnect interconnect,
        Catalog catalog,
        Settings settings,
        ScheduledExecutorService timer,
        Endpoint entryDb,
        SettingsRegistry settingsRegistry,
        Map<String, SettingSource> settingSources) {
    public CoordinatorServices {
        requireNonNull(parser, "parser is null");
        requireNonNull(analyzer, "analyzer is null");
        requireNonNull(rewriter, "rewriter is null");
        requireNonNull(planner, "planner is null");
        requireNonNull(dispatcher, "dispatcher is null");
        requireNonNull(interconnect, "interconnect is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(timer, "timer is null");
        requireNonNull(entryDb, "entryDb is null");
        requireNonNull(settingsRegistry, "settingsRegistry is null");
        settingSources = Map.copyOf(requireNonNull(settingSources, "settingSources is null"));
    }
}
