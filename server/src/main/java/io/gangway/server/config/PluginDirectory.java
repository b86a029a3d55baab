package io.gangway.server.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a process finds its plugins: {@code plugin_directory} from its settings (a relative path
 * is taken from the data directory, as PostgreSQL reads paths in its configuration), else
 * {@code plugins/} under the installation, which the launcher names with {@code -Dgangway.home}
 * (the current directory when it is not set).
 */
public final class PluginDirectory {
    public static final String SETTING = "plugin_directory";
    public static final String HOME_PROPERTY = "gangway.home";

    private PluginDirectory() {
    }

    /**
     * The plugin folder a process on {@code dataDirectory} uses, read from its {@code gangway.conf}
     * and command-line {@code overrides} before anything else is: the plugins are loaded before the
     * settings are checked, since their factories declare settings too.
     */
    public static Path of(Path dataDirectory, Map<String, String> overrides) {
        Map<String, String> settings = new java.util.HashMap<>(GangwayConf.read(dataDirectory));
        settings.putAll(overrides);
        return of(settings, dataDirectory);
    }

    public static Path of(Map<String, String> settings, Path dataDirectory) {
        String configured = settings.get(SETTING);
        if (configured != null && !configured.isBlank()) {
            return dataDirectory.resolve(configured).toAbsolutePath().normalize();
        }
        return installation().resolve("plugins");
    }

    /** The installation's root: {@code -Dgangway.home}, else the current directory. */
    public static Path installation() {
        return Path.of(System.getProperty(HOME_PROPERTY, ".")).toAbsolutePath().normalize();
    }
}
