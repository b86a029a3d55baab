package io.gangway.engine.guice;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Settings;
import io.gangway.spi.ExtensionContext;
import java.nio.file.Path;

/** What a coordinator or segment process is: its role, content id, data directory and settings. */
public record ProcessConfig(ExtensionContext.Role role, int contentId, Path dataDirectory, Settings settings) {
    public ProcessConfig {
        requireNonNull(role, "role is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(settings, "settings is null");
    }

    public ExtensionContext extensionContext() {
        return new ExtensionContext(role, contentId, dataDirectory);
    }

    public String setting(String name, String defaultValue) {
        return settings.getString(name, defaultValue);
    }
}
