package io.gangway.engine.plugin;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.Extension;
import java.nio.file.Path;
import java.util.List;

/** A loaded plugin: its folder, its class loader, and the extensions its jars register. */
public record Plugin(String name, Path directory, PluginClassLoader classLoader, List<Extension> extensions) {
    public Plugin {
        requireNonNull(name, "name is null");
        requireNonNull(directory, "directory is null");
        requireNonNull(classLoader, "classLoader is null");
        extensions = List.copyOf(extensions);
    }
}
