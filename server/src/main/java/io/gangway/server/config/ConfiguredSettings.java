package io.gangway.server.config;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.engine.config.SettingSource;
import io.gangway.engine.config.SettingsRegistry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A process's settings as it starts: its data directory's {@code gangway.conf} under its command
 * line's {@code -c name=value}s, each checked against the settings registry and remembered with where
 * it came from. A name no one declares (and without a dot), a setting no one may configure, or a bad
 * value stops the start with {@code F0000} and a message naming the file and line
 * ({@code unrecognized configuration parameter "x" in file ".../gangway.conf" line 3}), as PostgreSQL
 * refuses a {@code postgresql.conf} with errors.
 *
 * @param values the settings, by lower-case name
 * @param sources where each came from
 */
public record ConfiguredSettings(Map<String, String> values, Map<String, SettingSource> sources) {
    public ConfiguredSettings {
        values = Map.copyOf(values);
        sources = Map.copyOf(sources);
    }

    /** Reads and checks the data directory's file and the command line's settings ({@code overrides}). */
    public static ConfiguredSettings load(Path dataDirectory, Map<String, String> overrides, SettingsRegistry registry) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, SettingSource> sources = new LinkedHashMap<>();
        for (GangwayConf.Entry entry : GangwayConf.readEntries(dataDirectory)) {
            check(registry, entry.name(), entry.value(), " in file \"" + entry.file() + "\" line " + entry.line());
            values.put(entry.name(), entry.value());
            sources.put(entry.name(), SettingSource.configurationFile(entry.file(), entry.line()));
        }
        overrides.forEach((name, value) -> {
            check(registry, name, value, " on the command line");
            values.put(name, value);
            sources.put(name, SettingSource.COMMAND_LINE);
        });
        return new ConfiguredSettings(values, sources);
    }

    private static void check(SettingsRegistry registry, String name, String value, String where) {
        try {
            registry.checkConfigured(name, value);
        } catch (SqlException e) {
            throw new SqlException(SqlState.CONFIG_FILE_ERROR, e.getMessage() + where, e.detail(), e.hint(),
                    OptionalInt.empty(), e);
        }
    }
}
