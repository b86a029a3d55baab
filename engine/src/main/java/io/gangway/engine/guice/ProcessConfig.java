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
 * @param clusterSecret the secret internal connections present, read once from the data directory
 */
public record ProcessConfig(
        ExtensionContext.Role role,
        int contentId,
        Path dataDirectory,
        Settings settings,
        List<SettingDefinition> hostSettings,
        Map<String, SettingSource> sources,
        ClusterSecret clusterSecret) {
    public ProcessConfig {
        requireNonNull(role, "role is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(settings, "settings is null");
        hostSettings = List.copyOf(requireNonNull(hostSettings, "hostSettings is null"));
        sources = Map.copyOf(requireNonNull(sources, "sources is null"));
        requireNonNull(clusterSecret, "clusterSecret is null");
    }

    /**
     * A process whose secret is the data directory's when it holds one ({@value ClusterSecret#FILE_NAME},
     * made when the cluster is created), else the public test secret (tests, embedded use). A server
     * process requires the file and passes the secret itself.
     */
    public ProcessConfig(ExtensionContext.Role role, int contentId, Path dataDirectory, Settings settings,
            List<SettingDefinition> hostSettings, Map<String, SettingSource> sources) {
        this(role, contentId, dataDirectory, settings, hostSettings, sources,
                ClusterSecret.existsIn(dataDirectory) ? ClusterSecret.readFrom(dataDirectory) : ClusterSecret.INSECURE_FOR_TESTS);
    }

    /** A process whose host declares no settings of its own and whose settings have no recorded source. */
    public ProcessConfig(ExtensionContext.Role role, int contentId, Path dataDirectory, Settings settings) {
        this(role, contentId, dataDirectory, settings, List.of(), Map.of());
    }

    /** The context services are made with. */
    public ExtensionContext extensionContext() {
        return new ExtensionContext(role, contentId, dataDirectory, clusterSecret);
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
