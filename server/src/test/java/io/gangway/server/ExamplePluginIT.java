package io.gangway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.server.config.GangwayConf;
import io.gangway.server.config.PluginDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension author's path, end to end: install Gangway's {@code api}, {@code spi} and
 * {@code tck} artifacts, build {@code examples/csv-storage} outside the reactor against them (its
 * own {@code mvn verify} runs its TCK contract), drop its jar into a cluster's plugins folder, and
 * serve a query through it.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ExamplePluginIT {
    private static final String EXAMPLE = "examples/csv-storage";
    private static final String JAR = "gangway-example-csv-storage-0.1.0-SNAPSHOT.jar";

    @TempDir
    Path root;

    @Test
    void theExampleExtensionBuildsOutsideTheReactorAndServesQueriesFromPlugins() throws Exception {
        Path repository = repositoryRoot();
        // The parent pom too: the installed api, spi and tck poms name it as their parent.
        maven(repository, "install", "-pl", ".,api,spi,tck", "-DskipTests");
        maven(repository, "-f", EXAMPLE + "/pom.xml", "clean", "verify");
        Path jar = repository.resolve(EXAMPLE).resolve("target").resolve(JAR);
        assertThat(jar).exists();

        Path plugins = Files.createDirectories(root.resolve("plugins").resolve("csv"));
        Files.copy(jar, plugins.resolve(JAR));
        try (TestCluster cluster = TestCluster.start(root.resolve("cluster"),
                Map.of(PluginDirectory.SETTING, root.resolve("plugins").toString()));
                Connection c = cluster.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE visits (id int, page text, at date) USING csv DISTRIBUTED BY (id)");
            s.execute("INSERT INTO visits VALUES (1, 'home', '2026-12-01'), (2, 'a, \"quoted\" page', '2026-12-02'),"
                    + " (3, NULL, '2026-12-03'), (4, '', NULL)");
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT id, page, at FROM visits ORDER BY id")) {
                while (r.next()) {
                    rows.add(r.getInt(1) + "|" + r.getString(2) + "|" + r.getString(3));
                }
            }
            assertThat(rows).containsExactly("1|home|2026-12-01", "2|a, \"quoted\" page|2026-12-02",
                    "3|null|2026-12-03", "4||null");
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM visits WHERE page IS NOT NULL")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getLong(1)).isEqualTo(3);
            }
            // The rows live in CSV files the plugin wrote on the segments, not in the heap engine's pages.
            assertThat(csvFilesUnder(root.resolve("cluster"))).isNotEmpty();
        }
    }

    @Test
    void aPluginThatCannotLoadStopsTheProcessAtStart(@TempDir Path segment) throws IOException {
        Files.createDirectories(segment.resolve("plugins").resolve("broken"));
        GangwayConf.write(segment, "a segment with a broken plugin", Map.of("content", "0", "listen_address", "127.0.0.1",
                "port", "0", PluginDirectory.SETTING, "plugins"));
        assertThatThrownBy(() -> SegmentProcess.start(segment, Map.of()))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.CONFIG_FILE_ERROR);
                    assertThat(e.getMessage()).startsWith("plugin \"broken\" failed to load: no .jar file in");
                });
    }

    private static List<Path> csvFilesUnder(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".csv")).toList();
        }
    }

    /** The checkout this test runs in: the folder above the server module holding {@code mvnw} and the example. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve(EXAMPLE)))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a checkout with mvnw and " + EXAMPLE + " above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }

    /** Runs the checkout's Maven wrapper with this JVM's JDK, as an extension author would run Maven. */
    private static void maven(Path repository, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(repository.resolve("mvnw").toString(), "-q", "-B"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(8, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("mvn " + String.join(" ", arguments) + ":\n" + output).isZero();
    }
}
