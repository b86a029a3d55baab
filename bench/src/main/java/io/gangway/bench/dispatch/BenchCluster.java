package io.gangway.bench.dispatch;

import io.gangway.server.cluster.ClusterLayout;
import io.gangway.server.cluster.LocalCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Gangway cluster for a benchmark: a coordinator and {@code segments} segments as separate
 * JVM processes on free loopback ports, in a temporary directory removed again on close.
 */
final class BenchCluster implements AutoCloseable {
    /** The processes' JVM options: a small heap each, serial GC so three JVMs share two cores quietly. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC",
            "-Dguice_bytecode_gen_option=DISABLED");

    private final Path root;
    private final LocalCluster cluster;

    private BenchCluster(Path root, LocalCluster cluster) {
        this.root = root;
        this.cluster = cluster;
    }

    /** Starts a cluster whose every process reads {@code settings} from its gangway.conf. */
    static BenchCluster start(int segments, Map<String, String> settings) throws IOException {
        Path root = Files.createTempDirectory("gangway-bench");
        ClusterLayout layout = ClusterLayout.onFreePorts(root, segments);
        layout.initialize(settings);
        LocalCluster cluster = new LocalCluster(layout, JVM_OPTIONS);
        try {
            cluster.start(Duration.ofSeconds(90));
        } catch (RuntimeException e) {
            cluster.close();
            throw new IllegalStateException("Gangway cluster did not start; logs under " + root, e);
        }
        return new BenchCluster(root, cluster);
    }

    /** A new session, in simple query mode (one round trip per statement, as psql does). */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "gangway", "");
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + cluster.layout().coordinatorPort() + "/gangway?preferQueryMode=simple";
    }

    Path root() {
        return root;
    }

    @Override
    public void close() throws IOException {
        cluster.close();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
