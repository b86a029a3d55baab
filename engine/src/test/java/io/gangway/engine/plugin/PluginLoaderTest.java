package io.gangway.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.engine.guice.ExtensionRegistry;
import io.gangway.spi.Extension;
import io.gangway.spi.ExtensionContext;
import io.gangway.spi.rewriter.Rewriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoaderTest {
    private static final String SERVICES = "META-INF/services/io.gangway.spi.Extension";
    /** A rewriter extension that leaves queries as they are, named {@code NAME}. */
    private static final String EXTENSION = """
            package demo;

            import io.gangway.spi.Extension;
            import io.gangway.spi.ExtensionContext;
            import io.gangway.spi.ServiceFactory;
            import io.gangway.spi.rewriter.Rewriter;
            import java.util.List;
            import java.util.Map;

            public final class DemoExtension implements Extension {
                public String name() {
                    return "demo";
                }

                public List<ServiceFactory<?>> factories() {
                    return List.of(new ServiceFactory<Rewriter>() {
                        public Class<Rewriter> type() {
                            return Rewriter.class;
                        }

                        public String name() {
                            return "NAME";
                        }

                        public Rewriter create(ExtensionContext context, Map<String, String> config) {
                            return (query, rewriterContext) -> query;
                        }
                    });
                }
            }
            """;

    @TempDir
    Path plugins;

    private void plugin(String folder, String rewriterName) throws IOException {
        PluginJars.build(plugins.resolve(folder).resolve(folder + ".jar"),
                Map.of("demo.DemoExtension", EXTENSION.replace("NAME", rewriterName)),
                Map.of(SERVICES, "demo.DemoExtension\n"));
    }

    @Test
    void aPluginsExtensionsLoadInAClassLoaderOfTheirOwn() throws IOException {
        plugin("demo", "identity");
        List<Plugin> loaded = PluginLoader.load(plugins, getClass().getClassLoader());
        assertThat(loaded).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("demo");
            assertThat(p.extensions()).singleElement().satisfies(e -> {
                assertThat(e.getClass().getClassLoader()).isSameAs(p.classLoader());
                assertThat(e.factories().getFirst().type()).as("the SPI is shared, not copied").isSameAs(Rewriter.class);
            });
        });
    }

    @Test
    void aPluginSeesApiAndSpiButNothingElseOfGangway() throws Exception {
        plugin("demo", "identity");
        PluginClassLoader loader = PluginLoader.load(plugins, getClass().getClassLoader()).getFirst().classLoader();
        assertThat(loader.loadClass(Extension.class.getName())).isSameAs(Extension.class);
        assertThat(loader.loadClass(SqlException.class.getName())).isSameAs(SqlException.class);
        assertThat(loader.loadClass("java.util.List")).isSameAs(List.class);
        for (String hidden : List.of(ExtensionRegistry.class.getName(), "com.google.inject.Guice",
                "io.gangway.planner.RulesPlanner", "org.junit.jupiter.api.Test")) {
            assertThatThrownBy(() -> loader.loadClass(hidden)).as(hidden).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void theRegistryOffersAPluginsServicesByName() throws IOException {
        plugin("demo", "identity");
        ExtensionRegistry registry = ExtensionRegistry.withPlugins(plugins);
        assertThat(registry.names(Rewriter.class)).contains("default", "identity");
        Rewriter rewriter = registry.create(Rewriter.class, "identity",
                new ExtensionContext(ExtensionContext.Role.COORDINATOR, -1, plugins), Map.of());
        assertThat(rewriter.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
    }

    @Test
    void noPluginsFolderMeansNoPlugins() {
        assertThat(PluginLoader.load(plugins.resolve("absent"), getClass().getClassLoader())).isEmpty();
    }

    @Test
    void aFolderWithoutJarsStopsTheStart() throws IOException {
        Files.createDirectories(plugins.resolve("empty"));
        assertLoadFails("plugin \"empty\" failed to load: no .jar file in");
    }

    @Test
    void aJarThatRegistersNoExtensionStopsTheStart() throws IOException {
        PluginJars.build(plugins.resolve("bare").resolve("bare.jar"), Map.of("demo.Nothing", "package demo; class Nothing {}"),
                Map.of());
        assertLoadFails("plugin \"bare\" failed to load: its jars register no io.gangway.spi.Extension");
    }

    @Test
    void anExtensionClassThatIsMissingStopsTheStart() throws IOException {
        PluginJars.build(plugins.resolve("broken").resolve("broken.jar"), Map.of("demo.Nothing", "package demo; class Nothing {}"),
                Map.of(SERVICES, "demo.Missing\n"));
        assertLoadFails("plugin \"broken\" failed to load: ");
    }

    @Test
    void aPluginThatTakesABuiltInNameStopsTheStart() throws IOException {
        plugin("clash", "default");
        assertThatThrownBy(() -> ExtensionRegistry.withPlugins(plugins)).isInstanceOfSatisfying(SqlException.class, e -> {
            assertThat(e.state()).isEqualTo(SqlState.CONFIG_FILE_ERROR);
            assertThat(e.getMessage()).startsWith("plugin \"clash\" failed to load: ").contains("Rewriter", "\"default\"");
        });
    }

    private void assertLoadFails(String messageStart) {
        assertThatThrownBy(() -> PluginLoader.load(plugins, getClass().getClassLoader()))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.CONFIG_FILE_ERROR);
                    assertThat(e.getMessage()).startsWith(messageStart);
                });
    }
}
