package io.gangway.server.config;

import io.gangway.api.settings.SettingContext;
import io.gangway.api.settings.SettingDefinition;
import java.util.List;

/**
 * The settings the server reads itself, declared beside the engine's and the extensions' so that
 * {@code gangway.conf}, {@code SHOW} and {@code pg_settings} know them. ({@code listen_address} is the
 * engine's: both read it. {@code segment.N} entries are dotted custom names.)
 */
public final class ServerSettings {
    private static final String CONNECTIONS = "Connections and Authentication / Connection Settings";

    /** The coordinator's client port, or a segment's dispatch port (a segment without one takes any free port). */
    public static final SettingDefinition PORT = SettingDefinition.integer("port", 15432, 0, 65535,
            SettingContext.POSTMASTER, CONNECTIONS, "Sets the TCP port the server listens on.");
    /** A segment's content id; the coordinator is -1. */
    public static final SettingDefinition CONTENT = SettingDefinition.integer("content", 0, -1, 65535,
            SettingContext.POSTMASTER, "Gangway / Cluster", "Sets the segment's content id: its share of every table.");
    /** Read from the command line before the data directory is; {@code GANGWAY_LOG_LEVEL} wins over it. */
    public static final SettingDefinition LOG_LEVEL = SettingDefinition.enumerated("log_level", "INFO",
            List.of("TRACE", "FINEST", "FINER", "DEBUG", "FINE", "CONFIG", "INFO", "WARN", "WARNING", "ERROR", "SEVERE",
                    "OFF"),
            SettingContext.POSTMASTER, "Reporting and Logging / When to Log", "Sets the level of messages a process logs.");

    /** Where plugins are loaded from; empty means {@code plugins/} under the installation ({@link PluginDirectory}). */
    public static final SettingDefinition PLUGIN_DIRECTORY = SettingDefinition.string(PluginDirectory.SETTING, "",
            SettingContext.POSTMASTER, "Client Connection Defaults / Shared Library Preloading",
            "Sets the folder whose sub-folders of jars are loaded as plugins at start.");

    public static final List<SettingDefinition> ALL = List.of(PORT, CONTENT, LOG_LEVEL, PLUGIN_DIRECTORY);

    private ServerSettings() {
    }
}
