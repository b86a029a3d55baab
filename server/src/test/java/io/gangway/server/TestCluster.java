package io.gangway.server;

import io.gangway.server.cluster.ClusterLayout;
import io.gangway.server.cluster.LocalCluster;
import io.gangway.spi.dispatch.IdleQePoolFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A coordinator and two segments as separate processes for integration tests, on free loopback
 * ports in a temporary directory. {@code gangway.test.interconnect} picks the interconnect,
 * {@code gangway.test.idle_qe_pool} the coordinator's idle QE pool ({@code gp_idle_qe_pool}).
 */
final class TestCluster implements AutoCloseable {
    private final Path root;
    private final LocalCluster cluster;

    private TestCluster(Path root, LocalCluster cluster) {
        this.root = root;
        this.cluster = cluster;
    }

    /** The idle QE pool the cluster runs with. */
    static String idleQePool() {
        return System.getProperty("gangway.test.idle_qe_pool", IdleQePoolFactory.DEFAULT_NAME);
    }

    /** Whether the cluster's pool keeps QEs between statements (every pool but {@code none}). */
    static boolean poolKeepsQes() {
        return !idleQePool().equals("none");
    }

    static TestCluster start() throws IOException {
        return start(Files.createTempDirectory("gangway-it"), Map.of());
    }

    /** A cluster under {@code root} whose every process also gets {@code settings}. */
    static TestCluster start(Path root, Map<String, String> settings) throws IOException {
        ClusterLayout layout = ClusterLayout.onFreePorts(root, 2);
        Map<String, String> all = new HashMap<>(Map.of(
                "gp_interconnect_type", System.getProperty("gangway.test.interconnect", "tcp"),
                IdleQePoolFactory.SETTING, idleQePool(),
                // a restarting segment answers within seconds; keep gang creation retries short
                "gp_gang_creation_retry_timer", "500"));
        all.putAll(settings);
        layout.initialize(all);
        LocalCluster cluster = new LocalCluster(layout, List.of("-Xmx512m", "-XX:+UseSerialGC",
                "-Dguice_bytecode_gen_option=DISABLED"));
        try {
            cluster.start(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            cluster.close();
            throw new IllegalStateException("cluster did not start; logs under " + root, e);
        }
        return new TestCluster(root, cluster);
    }

    LocalCluster cluster() {
        return cluster;
    }

    Path root() {
        return root;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + cluster.layout().coordinatorPort()
                + "/gangway", "gangway", "");
    }

    @Override
    public void close() {
        cluster.close();
    }
}
