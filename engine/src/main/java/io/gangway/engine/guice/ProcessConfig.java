package io.gangway.engine.guice;

import static java.util.Objects.requireNonNull;

import io.gangway.api.ClusterSecret;
import io.gangway.api.Settings;
import io.gangway.api.settings.SettingDefinition;
import io.gangway.engine.config.SettingSource;
import io.gangway.engine.config.SettingsRegistry;
import io.gangway.spi.ExtensionContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a coordinator or segment process is: its role, content id, data directory and settings.
 *
 * @param hostSettings the settings the host (the server) reads itself, declared beside the engine's
 *     and the extensions' in the process's {@link SettingsRegistry}
 * @param sources where each of {@code settings} came from (a line of {@code gangway.conf}, the command
 *     line), as {@code pg_settings} shows
 */
public record ProcessConfig(
        ExtensionContext.Role role,
        int contentId,
        Path dataDirectory,
        Settings settings,
        List<SettingDefinition> hostSettings,
        Map<String, SettingSource> sources) {
    public ProcessConfig {
        requireNonNull(role, "role is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(settings, "settings is null");
        hostSettings = List.copyOf(requireNonNull(hostSettings, "hostSettings is null"));
        sources = Map.copyOf(requireNonNull(sources, "sources is null"));
    }

    /** A process whose host declares no settings of its own and whose settings have no recorded source. */
    public ProcessConfig(ExtensionContext.Role role, int contentId, Path dataDirectory, Settings settings) {
        this(role, contentId, dataDirectory, settings, List.of(), Map.of());
    }

    /**
     * The context services are made with. The cluster secret is read from the data directory when
     * it holds one ({@value ClusterSecret#FILE_NAME}, made when the cluster is created); a process
     * started on a bare directory (tests, embedded use) gets the public test secret.
     */
    public ExtensionContext extensionContext() {
        ClusterSecret secret = ClusterSecret.existsIn(dataDirectory)
                ? ClusterSecret.readFrom(dataDirectory) : ClusterSecret.INSECURE_FOR_TESTS;
        return new ExtensionContext(role, contentId, dataDirectory, secret);
    }

    /**
     * A setting's raw text.
     *
     * @deprecated read through the setting's declaration, so the name read is a name declared:
     *     {@link #setting(SettingDefinition)}
     */
    @Deprecated
    public String setting(String name, String defaultValue) {
        return settings.get(name).orElse(defaultValue);
    }

    /** A text or enum setting, read through its declaration. */
    public String setting(SettingDefinition setting) {
        return settings.getString(setting);
    }
}
