package io.gangway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.tck.util.Await;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Faults on a real multi-process cluster: a segment killed mid-statement, a QE error, a client that
 * vanishes mid-query, many sessions in a loop. QE connections are counted from the kernel's TCP
 * table at each segment's port, so a leak shows whatever any process believes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FaultInjectionIT {
    private static final int ROWS = 10_000;
    /** A three-way cross join of 10^12 rows: it runs for hours, so only a cancel, a timeout or a fault ends it. */
    private static final String LONG_QUERY = "SELECT count(*) FROM big a, big b, big c WHERE a.k + b.k + c.k < 0";
    private static TestCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        // The leak checks count QE connections in the kernel's tables: without them this class fails, never skips.
        TcpConnections.requireReadable();
        cluster = TestCluster.start();
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE big (k int, v text) DISTRIBUTED BY (k)");
            StringJoiner rows = new StringJoiner(", ", "INSERT INTO big VALUES ", "");
            for (int k = 1; k <= ROWS; k++) {
                rows.add("(" + k + ", 'v" + k + "')");
            }
            s.execute(rows.toString());
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static int qeConnections() {
        return TcpConnections.establishedTo(cluster.cluster().layout().segmentPort(0))
                + TcpConnections.establishedTo(cluster.cluster().layout().segmentPort(1));
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        Await.until(what, condition, timeout);
    }

    private static CompletableFuture<Long> runAsync(Connection connection, String sql) {
        return CompletableFuture.supplyAsync(() -> {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getSQLState() + ": " + e.getMessage(), e);
            }
        }, Executors.newVirtualThreadPerTaskExecutor());
    }

    @Test
    @Order(1)
    void aQeErrorCancelsEveryOtherQeOfTheStatement() throws Exception {
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            long start = System.nanoTime();
            // The segment holding k = 1 fails at once; the other runs the long join until cancelled.
            assertThatThrownBy(() -> s.executeQuery("SELECT count(*) FROM big a, big b, big c"
                    + " WHERE CASE WHEN a.k = 1 THEN 1 / (a.k - 1) ELSE 1 END + b.k + c.k < 0"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22012"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM big")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(ROWS);
            }
        }
    }

    @Test
    @Order(2)
    void aClientCancelRequestAndStatementTimeoutStopEveryQe() throws Exception {
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            CompletableFuture<Void> canceller = CompletableFuture.runAsync(() -> {
                try {
                    await("the query's QEs to connect", Duration.ofSeconds(15), () -> qeConnections() >= 2);
                    s.cancel();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThatThrownBy(() -> s.executeQuery(LONG_QUERY)).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("57014");
                assertThat(e.getMessage()).contains("canceling statement due to user request");
            });
            canceller.get(15, TimeUnit.SECONDS);
            s.execute("SET statement_timeout = '1s'");
            long start = System.nanoTime();
            assertThatThrownBy(() -> s.executeQuery(LONG_QUERY)).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("57014");
                assertThat(e.getMessage()).contains("canceling statement due to statement timeout");
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            s.execute("RESET statement_timeout");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM big")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(ROWS);
            }
        }
    }

    @Test
    @Order(3)
    void aClientThatDisconnectsMidQueryLeavesNoQe() throws Exception {
        await("no QE connections", Duration.ofSeconds(15), () -> qeConnections() == 0);
        Connection c = cluster.connect();
        CompletableFuture<Long> running = runAsync(c, LONG_QUERY);
        await("the query's QEs to connect", Duration.ofSeconds(15), () -> qeConnections() >= 2);
        c.abort(Executors.newVirtualThreadPerTaskExecutor());
        await("every QE of the vanished client to end", Duration.ofSeconds(15), () -> qeConnections() == 0);
        assertThat(running).failsWithin(Duration.ofSeconds(15));
    }

    @Test
    @Order(4)
    void aSegmentKilledDuringAStatementFailsItWithinSecondsAndTheNextOneWorks() throws Exception {
        try (Connection c = cluster.connect()) {
            CompletableFuture<Long> running = runAsync(c, LONG_QUERY);
            await("the query's QEs to connect", Duration.ofSeconds(15), () -> qeConnections() >= 2);
            long killed = System.nanoTime();
            cluster.cluster().killSegment(0);
            assertThatThrownBy(() -> running.get(15, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .rootCause().isInstanceOf(SQLException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(10));
            // No QE of the failed statement is left on the surviving segment.
            await("QEs on seg1 to end", Duration.ofSeconds(15),
                    () -> TcpConnections.establishedTo(cluster.cluster().layout().segmentPort(1)) == 0);
            cluster.cluster().startSegment(0);
            cluster.cluster().awaitSegment(0, Duration.ofSeconds(60));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM big")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(ROWS);
                // Losing seg0's writer reset the session, as Greenplum does, and the client is told.
                assertThat((Object) s.getWarnings()).isNotNull();
                assertThat(s.getWarnings().getMessage()).contains("The previous session was reset");
            }
        }
    }

    @Test
    @Order(5)
    void twoHundredSessionsOpenedAndClosedLeaveNoQe() throws Exception {
        await("no QE connections", Duration.ofSeconds(15), () -> qeConnections() == 0);
        for (int i = 0; i < 200; i++) {
            try (Connection c = cluster.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM big WHERE k > " + i)) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(ROWS - i);
            }
        }
        await("every QE of 200 closed sessions to end", Duration.ofSeconds(30), () -> qeConnections() == 0);
    }
}
