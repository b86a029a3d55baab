package io.gangway.server;

import io.gangway.server.cluster.ClusterLayout;
import io.gangway.server.cluster.LocalCluster;
import io.gangway.server.config.GangwayConf;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code gangway demo}: a coordinator and two segments as separate processes on 127.0.0.1, with
 * sample data, kept running (and restarted when one dies) until Ctrl-C.
 */
final class Demo {
    private Demo() {
    }

    /**
     * @param interconnect the interconnect asked for on the command line, if any: it is written to
     *     every process's configuration, also of a cluster made before; otherwise a new cluster uses
     *     tcp and an existing one keeps what it has
     */
    static void run(Path root, int port, Optional<String> interconnect, PrintStream out) throws Exception {
        ClusterLayout layout = new ClusterLayout(root.toAbsolutePath(), "127.0.0.1", port, 2);
        if (layout.isInitialized()) {
            ClusterLayout existing = ClusterLayout.read(layout.root());
            if (existing.coordinatorPort() != port) {
                out.printf("Reusing %s (made for port %d; delete it to start over on port %d).%n", root,
                        existing.coordinatorPort(), port);
            }
            layout = existing;
            if (interconnect.isPresent()) {
                layout.initialize(Map.of("gp_interconnect_type", interconnect.get()));
            }
        } else {
            out.printf("Creating a cluster in %s%n", root);
            layout.initialize(Map.of("gp_interconnect_type", interconnect.orElse("tcp")));
        }
        out.printf("Interconnect: %s%n", GangwayConf.read(layout.coordinatorDirectory())
                .getOrDefault("gp_interconnect_type", "tcp"));
        LocalCluster cluster = new LocalCluster(layout, List.of("-Xmx1g", "-Dguice_bytecode_gen_option=DISABLED"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("\nStopping the cluster...");
            cluster.close();
            stopped.countDown();
        }));
        out.println("Starting a coordinator and 2 segments...");
        cluster.start(Duration.ofSeconds(60));
        // The port is announced only below, once the cluster answers and the sample data is complete.
        Path marker = layout.root().resolve("sample-data-loaded");
        if (!Files.exists(marker)) {
            out.println("Loading sample data (regions, customers, orders, view region_revenue):");
        }
        try (Connection connection = connect(layout)) {
            SampleData.ensureLoaded(connection, marker, out);
        }
        out.printf("%nGangway is ready (coordinator on port %d, segments on ports %d and %d). Connect with:%n"
                + "  psql -h 127.0.0.1 -p %d -U gangway gangway%n", layout.coordinatorPort(), layout.segmentPort(0),
                layout.segmentPort(1), layout.coordinatorPort());
        out.println("Try:");
        out.println("  SELECT c.region, count(*), sum(o.amount) FROM customers c JOIN orders o ON o.customer_id = c.id"
                + " GROUP BY c.region ORDER BY 1;");
        out.println("  EXPLAIN SELECT c.region, count(*) FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.region;");
        out.println("  SELECT * FROM gp_segment_configuration;");
        out.println("Logs: " + layout.root() + "/*/log/gangway.log. Press Ctrl-C to stop.");
        while (stopped.getCount() > 0) {
            for (String name : cluster.restartExited()) {
                out.printf("%s died; restarted it.%n", name);
            }
            if (stopped.await(500, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                break;
            }
        }
    }

    private static Connection connect(ClusterLayout layout) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + layout.coordinatorPort() + "/gangway",
                "gangway", "");
    }
}
