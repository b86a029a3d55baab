package io.gangway.engine.plugin;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.Extension;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Loads the plugins of a plugins folder: each sub-folder {@code NAME} holding {@code *.jar} files
 * is one plugin, loaded in a {@link PluginClassLoader} of its own, whose jars register their
 * {@link Extension}s in {@code META-INF/services/io.gangway.spi.Extension}. Every folder there is
 * a configured plugin: one that cannot be loaded (no jar, no extension, a class it needs that it
 * cannot see) stops the process at start, with the plugin's name and the reason
 * ({@code F0000}) — a cluster never runs with part of its configured extensions.
 */
public final class PluginLoader {
    private static final System.Logger LOG = System.getLogger(PluginLoader.class.getName());

    private PluginLoader() {
    }

    /** The plugins under {@code directory}, in name order; none if the folder does not exist. */
    public static List<Plugin> load(Path directory, ClassLoader gangway) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Plugin> plugins = new ArrayList<>();
        for (Path folder : list(directory, Files::isDirectory)) {
            plugins.add(loadOne(folder, gangway));
        }
        return plugins;
    }

    private static Plugin loadOne(Path folder, ClassLoader gangway) {
        String name = folder.getFileName().toString();
        List<Path> jars = list(folder, p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p));
        if (jars.isEmpty()) {
            throw failed(name, "no .jar file in " + folder, null);
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw failed(name, "bad jar path " + jar, e);
            }
        }
        PluginClassLoader loader = new PluginClassLoader(name, urls, gangway);
        List<Extension> extensions = new ArrayList<>();
        try {
            for (Extension extension : ServiceLoader.load(Extension.class, loader)) {
                extension.factories(); // a factory class the plugin cannot see fails here, at start
                extensions.add(extension);
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            closeQuietly(loader, e);
            throw failed(name, rootMessage(e), e);
        }
        if (extensions.isEmpty()) {
            closeQuietly(loader, null);
            throw failed(name, "its jars register no " + Extension.class.getName()
                    + " (META-INF/services/" + Extension.class.getName() + ")", null);
        }
        LOG.log(System.Logger.Level.INFO, "plugin {0}: {1} jar(s), extensions {2}", name, jars.size(),
                extensions.stream().map(Extension::name).toList());
        return new Plugin(name, folder, loader, extensions);
    }

    private static List<Path> list(Path directory, java.util.function.Predicate<Path> filter) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(filter).sorted().toList();
        } catch (IOException e) {
            throw new SqlException(SqlState.CONFIG_FILE_ERROR, "cannot read plugin directory \"" + directory + "\": "
                    + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root;
    }

    private static void closeQuietly(PluginClassLoader loader, @Nullable Throwable primary) {
        try {
            loader.close();
        } catch (IOException e) {
            if (primary != null) {
                primary.addSuppressed(e);
            } else {
                LOG.log(System.Logger.Level.WARNING, "closing the class loader of plugin {0}: {1}",
                        loader.pluginName(), e.getMessage());
            }
        }
    }

    private static SqlException failed(String name, String reason, @Nullable Throwable cause) {
        String message = "plugin \"" + name + "\" failed to load: " + reason;
        return cause == null ? new SqlException(SqlState.CONFIG_FILE_ERROR, message)
                : new SqlException(SqlState.CONFIG_FILE_ERROR, message, cause);
    }
}
