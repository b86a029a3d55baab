package io.gangway.bench.dispatch;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Dispatch latency of a trivial two-segment statement ({@code SELECT count(*) FROM t} over a
 * 100-row table distributed by its key) on a real cluster — a coordinator and two segments as
 * separate processes — through pgjdbc:
 * <ul>
 *   <li><b>warm pool</b>: default settings; after the first statement the session's gang comes from
 *       the idle QE pool, so each statement pays dispatch, execution and the gather only;</li>
 *   <li><b>direct dispatch</b>: {@code WHERE k = 1}, planned onto the one segment holding the key;</li>
 *   <li><b>pooling off</b>: {@code gp_dispatch_pooling = off}, every QE is closed after its statement,
 *       so each statement also creates its gang; the difference to the warm pool is the gang
 *       creation time;</li>
 *   <li><b>new session</b>: connect, run the statement (its gang is created), disconnect;</li>
 *   <li><b>fresh cluster</b>: the first 200 statements on a just-started cluster, before the JVMs
 *       have warmed up; every other figure comes after {@code --warmup-seconds} (default 10) of
 *       continuous statements;</li>
 *   <li><b>throughput</b>: {@code --clients} sessions (default 8) running the statement in a loop,
 *       statements per second, as {@code pgbench -c 8} would measure it.</li>
 * </ul>
 * The peer is PostgreSQL (started by {@code bench/run-dispatch.sh}) running the same statements on
 * an equal table in the same run; the report gives Gangway ÷ PostgreSQL ratios and the machine.
 *
 * <pre>
 *   BenchmarkDispatchLatency [--pg-url JDBC_URL] [--scale FACTOR] [--clients N] [--warmup-seconds S]
 *                            [--interconnect tcp|udp]
 * </pre>
 * {@code --scale} multiplies every iteration count (default 1: a run takes about a minute);
 * {@code --interconnect} sets the clusters' {@code gp_interconnect_type} (default tcp).
 */
public final class BenchmarkDispatchLatency {
    private static final int ROWS = 100;
    private static final String COUNT = "SELECT count(*) FROM t";
    private static final String COUNT_ONE_KEY = "SELECT count(*) FROM t WHERE k = 1";
    private static final String POOLING = "gp_dispatch_pooling";

    private final PrintStream out;
    private final double scale;
    private final int clients;
    private final Duration warmup;
    private final String interconnect;

    private BenchmarkDispatchLatency(PrintStream out, double scale, int clients, Duration warmup, String interconnect) {
        this.out = out;
        this.scale = scale;
        this.clients = clients;
        this.warmup = warmup;
        this.interconnect = interconnect;
    }

    public static void main(String[] args) throws Exception {
        Optional<String> pgUrl = Optional.empty();
        double scale = 1.0;
        int clients = 8;
        int warmupSeconds = 10;
        String interconnect = "tcp";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pg-url" -> pgUrl = Optional.of(args[++i]);
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(args[++i]);
                case "--interconnect" -> interconnect = args[++i];
                default -> throw new IllegalArgumentException(
                        "usage: BenchmarkDispatchLatency [--pg-url URL] [--scale F] [--clients N] [--warmup-seconds S]"
                                + " [--interconnect tcp|udp]");
            }
        }
        new BenchmarkDispatchLatency(System.out, scale, clients, Duration.ofSeconds(warmupSeconds), interconnect).run(pgUrl);
    }

    private int iterations(int base) {
        return Math.max(10, (int) Math.round(base * scale));
    }

    private void run(Optional<String> pgUrl) throws SQLException, IOException {
        Report report = new Report();
        Machine machine = Machine.current();
        out.println("Dispatch latency benchmark; " + machine);
        report.note("interconnect: " + interconnect + " (gp_interconnect_type)");

        Peer peer = pgUrl.isPresent() ? measurePostgres(pgUrl.get(), report) : Peer.NONE;
        if (pgUrl.isEmpty()) {
            report.note("no PostgreSQL peer (--pg-url not given): ratios left out");
        }

        Latencies warm;
        Latencies poolingOff;
        out.println("starting a Gangway cluster (coordinator + 2 segments, " + interconnect + " interconnect)...");
        try (BenchCluster cluster = BenchCluster.start(2, Map.of("gp_interconnect_type", interconnect))) {
            load(cluster.connect(), true);
            try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
                expectCount(s, COUNT, ROWS);
                // A fresh cluster's JVMs have not compiled the statement's path yet: this is what the
                // first client of a new cluster sees, and what warm-up (AOT cache, CDS) must shrink.
                Latencies cold = timed("gangway fresh cluster", () -> count(s, COUNT), 0, 200);
                report.add("Gangway, fresh cluster, first 200 statements: `" + COUNT + "`", cold, peer.count());
                warmUp(s);
                warm = timed("gangway warm pool", () -> count(s, COUNT), 1_000, 3_000);
                report.add("Gangway, warm pool: `" + COUNT + "` (2 segments)", warm, peer.count());
                long created = show(s, "gp_qes_created").orElse(-1L);
                report.note(String.format(Locale.ROOT, "warm pool: %d QEs created in the whole session of %d statements",
                        created, iterations(1_000) + iterations(3_000) + 1));

                checkEveryKeyIsFound(s);
                printExplain(s, COUNT_ONE_KEY);
                Latencies direct = timed("gangway direct dispatch", () -> count(s, COUNT_ONE_KEY), 1_000, 3_000);
                report.add("Gangway, warm pool, direct dispatch: `" + COUNT_ONE_KEY + "` (1 segment)", direct,
                        peer.countOneKey());
            }
            double rate = rate("gangway " + clients + " clients", () -> cluster.connect(), COUNT);
            report.addRate("Gangway, " + clients + " clients: `" + COUNT + "`", rate, peer.throughput());
            Optional<Latencies> off = poolingOffInSession(cluster, report);
            if (off.isEmpty()) {
                off = poolingOffByConfiguration(report);
            }
            poolingOff = off.orElse(null);
            if (poolingOff != null) {
                report.add("Gangway, pooling off (`" + POOLING + " = off`): `" + COUNT + "`", poolingOff, peer.count());
            }
            Latencies newSession = timed("gangway new session", () -> {
                try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
                    count(s, COUNT);
                }
            }, 20, 200);
            report.add("Gangway, new session: connect + `" + COUNT + "` + close", newSession, peer.newSession());
        }
        if (poolingOff != null) {
            report.note(String.format(Locale.ROOT,
                    "gang creation time (pooling off − warm pool): p50 %.0f µs, mean %.0f µs for a 2-QE gang",
                    poolingOff.p50() - warm.p50(), poolingOff.mean() - warm.mean()));
        }
        report.note("Gangway processes: " + String.join(" ", BenchCluster.JVM_OPTIONS)
                + "; pgjdbc in simple query mode; client, coordinator, segments and PostgreSQL share the machine");
        report.print(out, machine);
    }

    /** What PostgreSQL measured, for the ratios. */
    private record Peer(Optional<Latencies> count, Optional<Latencies> countOneKey, Optional<Latencies> newSession,
            Optional<Double> throughput) {
        static final Peer NONE = new Peer(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Runs the statement for the warm-up time on a fresh cluster before anything is measured. */
    private void warmUp(Statement s) throws SQLException {
        long end = System.nanoTime() + warmup.toNanos();
        int statements = 0;
        while (System.nanoTime() < end) {
            count(s, COUNT);
            statements++;
        }
        out.printf(Locale.ROOT, "  warm-up: %d statements in %d s%n", statements, warmup.toSeconds());
    }

    private double rate(String name, Throughput.Connector connector, String sql) throws SQLException {
        Duration duration = Duration.ofMillis(Math.max(3_000, Math.round(10_000 * scale)));
        double rate = Throughput.measure(connector, sql, clients, duration);
        out.printf(Locale.ROOT, "  %-28s %8.0f statements/s (%d clients, %.0f s)%n", name, rate, clients,
                duration.toMillis() / 1e3);
        return rate;
    }

    private Peer measurePostgres(String url, Report report) throws SQLException {
        String jdbcUrl = url + (url.contains("?") ? "&" : "?") + "preferQueryMode=simple";
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            load(c, false);
        }
        Latencies count;
        Latencies oneKey;
        String version;
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            expectCount(s, COUNT, ROWS);
            count = timed("postgres warm", () -> count(s, COUNT), 1_000, 3_000);
            oneKey = timed("postgres one key", () -> count(s, COUNT_ONE_KEY), 1_000, 3_000);
            try (ResultSet rs = s.executeQuery("SHOW server_version")) {
                rs.next();
                version = rs.getString(1);
            }
        }
        double throughput = rate("postgres " + clients + " clients", () -> DriverManager.getConnection(jdbcUrl), COUNT);
        Latencies newSession = timed("postgres new session", () -> {
            try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
                count(s, COUNT);
            }
        }, 20, 200);
        report.add("PostgreSQL " + version + ": `" + COUNT + "`", count, Optional.empty());
        report.add("PostgreSQL: `" + COUNT_ONE_KEY + "`", oneKey, Optional.empty());
        report.add("PostgreSQL: new session: connect + `" + COUNT + "` + close", newSession, Optional.empty());
        report.note("PostgreSQL " + version + " from Debian's packages, default configuration, a throwaway cluster on loopback");
        report.addRate("PostgreSQL, " + clients + " clients: `" + COUNT + "`", throughput, Optional.empty());
        return new Peer(Optional.of(count), Optional.of(oneKey), Optional.of(newSession), Optional.of(throughput));
    }

    /**
     * Pooling off for one session by {@code SET}; empty when this build does not know the setting.
     * Checks through {@code gp_qes_created} that each statement did create its QEs.
     */
    private Optional<Latencies> poolingOffInSession(BenchCluster cluster, Report report) throws SQLException {
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            try {
                s.execute("SET " + POOLING + " = off");
            } catch (SQLException unknown) {
                out.println("SET " + POOLING + " failed (" + unknown.getMessage() + "); trying gangway.conf instead");
                return Optional.empty();
            }
            return Optional.of(poolingOff(s, report, "SET " + POOLING + " = off"));
        }
    }

    /** Pooling off for a whole second cluster through its gangway.conf. */
    private Optional<Latencies> poolingOffByConfiguration(Report report) throws SQLException, IOException {
        out.println("starting a second Gangway cluster with " + POOLING + "=off in gangway.conf...");
        try (BenchCluster cluster = BenchCluster.start(2, Map.of("gp_interconnect_type", interconnect, POOLING, "off"))) {
            load(cluster.connect(), true);
            try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
                return Optional.of(poolingOff(s, report, POOLING + "=off in gangway.conf"));
            }
        }
    }

    private Latencies poolingOff(Statement s, Report report, String how) throws SQLException {
        expectCount(s, COUNT, ROWS);
        long before = show(s, "gp_qes_created").orElse(-1L);
        int warmup = 50;
        int measured = iterations(500);
        Latencies latencies = timed("gangway pooling off", () -> count(s, COUNT), warmup, 500);
        long after = show(s, "gp_qes_created").orElse(-1L);
        int statements = iterations(warmup) + measured;
        if (before >= 0 && after >= 0) {
            double perStatement = (after - before) / (double) statements;
            report.note(String.format(Locale.ROOT, "pooling off (%s): %.2f QEs created per statement%s", how,
                    perStatement, perStatement < 1 ? " — pooling was NOT off; that row is not a gang-creation figure" : ""));
        }
        return latencies;
    }

    private Latencies timed(String name, Scenario scenario, int warmup, int iterations) throws SQLException {
        long start = System.nanoTime();
        Latencies result = Scenario.measure(scenario, iterations(warmup), iterations(iterations));
        out.printf(Locale.ROOT, "  %-28s p50 %8.0f µs  mean %8.0f µs  (%.1f s)%n", name, result.p50(), result.mean(),
                (System.nanoTime() - start) / 1e9);
        return result;
    }

    /** Creates and fills the table: {@code k} 1..100, distributed by {@code k} on Gangway. */
    private static void load(Connection connection, boolean gangway) throws SQLException {
        try (Connection c = connection; Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS t");
            s.execute("CREATE TABLE t (k int, v int)" + (gangway ? " DISTRIBUTED BY (k)" : ""));
            StringJoiner values = new StringJoiner(", ", "INSERT INTO t VALUES ", "");
            for (int k = 1; k <= ROWS; k++) {
                values.add("(" + k + ", " + (k * 7 % 13) + ")");
            }
            s.execute(values.toString());
            if (!gangway) {
                s.execute("VACUUM ANALYZE t");
            }
        }
    }

    /**
     * Each key's row is found by a statement dispatched to one segment only if the planner's
     * direct dispatch picks the segment the row was stored on.
     */
    private static void checkEveryKeyIsFound(Statement s) throws SQLException {
        for (int k = 1; k <= ROWS; k++) {
            expectCount(s, "SELECT count(*) FROM t WHERE k = " + k, 1);
        }
    }

    private void printExplain(Statement s, String sql) {
        try (ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            out.println("  EXPLAIN " + sql);
            while (rs.next()) {
                out.println("    " + rs.getString(1));
            }
        } catch (SQLException unsupported) {
            out.println("  (EXPLAIN failed: " + unsupported.getMessage() + ")");
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void expectCount(Statement s, String sql, long expected) throws SQLException {
        long actual = count(s, sql);
        if (actual != expected) {
            throw new IllegalStateException(sql + " returned " + actual + ", expected " + expected);
        }
    }

    private static Optional<Long> show(Statement s, String name) {
        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return Optional.of(Long.parseLong(rs.getString(1)));
        } catch (SQLException | NumberFormatException unavailable) {
            return Optional.empty();
        }
    }
}
