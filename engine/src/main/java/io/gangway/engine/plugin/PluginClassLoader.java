package io.gangway.engine.plugin;

import static java.util.Objects.requireNonNull;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * The class loader of one plugin: its own jars, plus exactly the packages Gangway shares with
 * extensions ({@link #SHARED_PACKAGES}: {@code api}, {@code spi}, the support libraries) taken from
 * Gangway's own loader, so a plugin's services and values are the same types the engine uses. Every
 * other class — Gangway's engine and implementations, and the libraries on Gangway's class path —
 * is invisible: a plugin brings its own copy of what it needs (its own Netty, say) and cannot clash
 * with Gangway's. JDK classes come from the platform loader.
 */
public final class PluginClassLoader extends URLClassLoader {
    /** Package prefixes a plugin sees from Gangway: the contracts and the libraries written for extension authors. */
    public static final List<String> SHARED_PACKAGES = List.of(
            "io.gangway.api.",
            "io.gangway.spi.",
            "io.gangway.interconnect.support.",
            "org.jspecify.annotations.");

    static {
        registerAsParallelCapable();
    }

    private final String pluginName;
    private final ClassLoader gangway;

    public PluginClassLoader(String pluginName, List<URL> jars, ClassLoader gangway) {
        super("plugin-" + pluginName, jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        this.pluginName = requireNonNull(pluginName, "pluginName is null");
        this.gangway = requireNonNull(gangway, "gangway is null");
    }

    public String pluginName() {
        return pluginName;
    }

    /** Whether a class of this name comes from Gangway rather than from the plugin's jars. */
    public static boolean isShared(String className) {
        for (String prefix : SHARED_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return gangway.loadClass(name);
        }
        // Platform first (the JDK), then the plugin's own jars: URLClassLoader's parent-first order.
        return super.loadClass(name, resolve);
    }
}
