package io.gangway.engine.guice;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.settings.SettingDefinition;
import io.gangway.engine.plugin.Plugin;
import io.gangway.engine.plugin.PluginLoader;
import io.gangway.spi.Extension;
import io.gangway.spi.ExtensionContext;
import io.gangway.spi.ServiceFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Every extension on the class path (found with {@link ServiceLoader}) and the factories they
 * offer, by SPI type and name. The composition roots ask it for the service the configuration names.
 */
public final class ExtensionRegistry {
    private final Map<Class<?>, Map<String, ServiceFactory<?>>> factories = new LinkedHashMap<>();

    public ExtensionRegistry(Iterable<Extension> extensions) {
        for (Extension extension : extensions) {
            for (ServiceFactory<?> factory : extension.factories()) {
                Map<String, ServiceFactory<?>> byName = factories.computeIfAbsent(factory.type(), t -> new LinkedHashMap<>());
                if (byName.putIfAbsent(factory.name(), factory) != null) {
                    throw new IllegalStateException("two extensions offer a " + factory.type().getSimpleName()
                            + " named \"" + factory.name() + "\"");
                }
            }
        }
    }

    /** The extensions found by the class path's {@code META-INF/services/io.gangway.spi.Extension}. */
    public static ExtensionRegistry fromClassPath() {
        return new ExtensionRegistry(classPathExtensions());
    }

    /**
     * The class path's extensions and those of every plugin under {@code pluginDirectory}, each
     * plugin in its own class loader ({@link PluginLoader}). A plugin that cannot be loaded, or
     * that offers a factory whose type and name another extension already offers, stops the
     * process here with the plugin's name and the reason.
     */
    public static ExtensionRegistry withPlugins(Path pluginDirectory) {
        List<Extension> extensions = classPathExtensions();
        List<Plugin> plugins = PluginLoader.load(pluginDirectory, ExtensionRegistry.class.getClassLoader());
        for (Plugin plugin : plugins) {
            try {
                new ExtensionRegistry(concat(extensions, plugin.extensions()));
            } catch (IllegalStateException clash) {
                throw new SqlException(SqlState.CONFIG_FILE_ERROR, "plugin \"" + plugin.name() + "\" failed to load: "
                        + clash.getMessage(), clash);
            }
            extensions.addAll(plugin.extensions());
        }
        return new ExtensionRegistry(extensions);
    }

    private static List<Extension> classPathExtensions() {
        List<Extension> extensions = new ArrayList<>();
        ServiceLoader.load(Extension.class, ExtensionRegistry.class.getClassLoader()).forEach(extensions::add);
        return extensions;
    }

    private static List<Extension> concat(List<Extension> a, List<Extension> b) {
        List<Extension> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Makes the service named {@code name} of SPI {@code type}; a clear error lists what exists otherwise. */
    public <T> T create(Class<T> type, String name, ExtensionContext context, Map<String, String> config) {
        ServiceFactory<?> factory = factories.getOrDefault(type, Map.of()).get(name);
        if (factory == null) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "no " + type.getSimpleName() + " named \"" + name
                    + "\" is installed; available: " + new TreeSet<>(factories.getOrDefault(type, Map.of()).keySet()));
        }
        return type.cast(factory.create(context, config));
    }

    /** One service of every factory of {@code type} (all storage engines, say), by name. */
    public <T> Map<String, T> createAll(Class<T> type, ExtensionContext context, Map<String, String> config) {
        Map<String, T> out = new LinkedHashMap<>();
        for (String name : names(type)) {
            out.put(name, create(type, name, context, config));
        }
        return out;
    }

    /**
     * The settings each installed factory declares ({@link ServiceFactory#settings()}), by who declares
     * them ({@code Interconnect "tcp"}); the settings registry is built from these and the engine's.
     */
    public Map<String, List<SettingDefinition>> declaredSettings() {
        Map<String, List<SettingDefinition>> out = new LinkedHashMap<>();
        factories.forEach((type, byName) -> byName.forEach((name, factory) ->
                out.put(type.getSimpleName() + " \"" + name + "\"", List.copyOf(factory.settings()))));
        return out;
    }

    public List<String> names(Class<?> type) {
        return new ArrayList<>(factories.getOrDefault(type, Map.of()).keySet());
    }
}
