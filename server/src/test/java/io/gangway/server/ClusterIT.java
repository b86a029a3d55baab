package io.gangway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.postgresql.util.PSQLException;

/**
 * A real cluster: coordinator and two segments as separate processes, driven through pgjdbc.
 * Answers are checked against values computed here from the same generated rows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClusterIT {
    private static final int CUSTOMERS = 200;
    private static final int ORDERS = 3_000;
    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = TestCluster.start();
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id int, name text, region text, vip boolean) DISTRIBUTED BY (id)");
            s.execute("CREATE TABLE orders (id int, customer_id int, amount numeric(12,2), qty bigint, day date)"
                    + " DISTRIBUTED BY (id)");
            s.execute("CREATE TABLE regions (region text, zone int) DISTRIBUTED REPLICATED");
            StringBuilder customers = new StringBuilder("INSERT INTO customers VALUES ");
            for (int id = 1; id <= CUSTOMERS; id++) {
                customers.append(id > 1 ? ", " : "").append("(").append(id).append(", 'c").append(id).append("', '")
                        .append(region(id)).append("', ").append(id % 4 == 0).append(")");
            }
            s.execute(customers.toString());
            PreparedStatement insert = c.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?)");
            for (int id = 1; id <= ORDERS; id++) {
                insert.setInt(1, id);
                insert.setInt(2, customerOf(id));
                insert.setBigDecimal(3, amount(id));
                insert.setLong(4, id % 7);
                insert.setObject(5, LocalDate.of(2024, 1, 1).plusDays(id % 60));
                insert.addBatch();
            }
            insert.executeBatch();
            s.execute("INSERT INTO regions VALUES ('north', 1), ('south', 2), ('east', 3)");
        }
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String region(int customer) {
        return List.of("north", "south", "east", "west").get(customer % 4);
    }

    private static int customerOf(int order) {
        return 1 + (order * 37) % CUSTOMERS;
    }

    private static BigDecimal amount(int order) {
        return BigDecimal.valueOf(order % 1000, 2).add(BigDecimal.ONE);
    }

    @Test
    @Order(1)
    void countsAndSumsAcrossBothSegments() throws Exception {
        BigDecimal total = BigDecimal.ZERO;
        long qty = 0;
        for (int id = 1; id <= ORDERS; id++) {
            total = total.add(amount(id));
            qty += id % 7;
        }
        try (Connection c = cluster.connect(); Statement s = c.createStatement();
                ResultSet type = s.executeQuery("SHOW gp_interconnect_type")) {
            type.next();
            assertThat(type.getString(1)).isEqualTo(System.getProperty("gangway.test.interconnect", "tcp"));
        }
        try (Connection c = cluster.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), sum(amount), sum(qty), min(id), max(id) FROM orders")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(ORDERS);
            assertThat(rs.getBigDecimal(2)).isEqualByComparingTo(total);
            assertThat(rs.getBigDecimal(3)).isEqualByComparingTo(BigDecimal.valueOf(qty));
            assertThat(rs.getInt(4)).isEqualTo(1);
            assertThat(rs.getInt(5)).isEqualTo(ORDERS);
        }
    }

    @Test
    @Order(2)
    void joinWithGroupByMatchesHandComputedAnswer() throws Exception {
        Map<String, long[]> expectedCounts = new TreeMap<>();
        Map<String, BigDecimal> expectedSums = new TreeMap<>();
        for (int id = 1; id <= ORDERS; id++) {
            String region = region(customerOf(id));
            expectedCounts.computeIfAbsent(region, r -> new long[1])[0]++;
            expectedSums.merge(region, amount(id), BigDecimal::add);
        }
        // orders is distributed by id, customers by id: the join needs a redistribute motion.
        String sql = "SELECT c.region, count(*), sum(o.amount) FROM customers c JOIN orders o ON o.customer_id = c.id"
                + " GROUP BY c.region ORDER BY c.region";
        try (Connection c = cluster.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> regions = new ArrayList<>();
            while (rs.next()) {
                String region = rs.getString(1);
                regions.add(region);
                assertThat(rs.getLong(2)).as(region).isEqualTo(expectedCounts.get(region)[0]);
                assertThat(rs.getBigDecimal(3)).as(region).isEqualByComparingTo(expectedSums.get(region));
            }
            assertThat(regions).containsExactlyElementsOf(expectedCounts.keySet());
        }
        try (Connection c = cluster.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            StringBuilder plan = new StringBuilder();
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
            assertThat(plan.toString()).contains("Gather Motion 2:1  (slice1; segments: 2)").contains("Redistribute Motion");
        }
    }

    @Test
    @Order(3)
    void replicatedTablesViewsAndInsertSelect() throws Exception {
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE VIEW vip_customers AS SELECT id, region FROM customers WHERE vip");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM vip_customers v JOIN regions r ON r.region = v.region")) {
                rs.next();
                long expected = java.util.stream.IntStream.rangeClosed(1, CUSTOMERS)
                        .filter(id -> id % 4 == 0 && List.of("north", "south", "east").contains(region(id))).count();
                assertThat(rs.getLong(1)).isEqualTo(expected);
            }
            s.execute("CREATE TABLE big_orders (id int, amount numeric(12,2)) DISTRIBUTED BY (id)");
            int inserted = s.executeUpdate("INSERT INTO big_orders SELECT id, amount FROM orders WHERE amount > 9");
            long expected = java.util.stream.IntStream.rangeClosed(1, ORDERS)
                    .filter(id -> amount(id).compareTo(BigDecimal.valueOf(9)) > 0).count();
            assertThat(inserted).isEqualTo((int) expected);
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM big_orders")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(expected);
            }
            try (ResultSet rs = s.executeQuery("SELECT id, amount FROM orders ORDER BY amount DESC, id LIMIT 3")) {
                List<Integer> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
                List<Integer> expectedIds = java.util.stream.IntStream.rangeClosed(1, ORDERS).boxed()
                        .sorted((a, b) -> amount(b).compareTo(amount(a)) != 0 ? amount(b).compareTo(amount(a)) : a - b)
                        .limit(3).toList();
                assertThat(ids).containsExactlyElementsOf(expectedIds);
            }
            try (ResultSet rs = s.executeQuery("SELECT content, role, status FROM gp_segment_configuration ORDER BY content")) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getInt(1) + rs.getString(2) + rs.getString(3));
                }
                assertThat(rows).containsExactly("-1pu", "0pu", "1pu");
            }
        }
    }

    @Test
    @Order(4)
    void equalityOnTheDistributionKeyIsDispatchedToOneSegment() throws Exception {
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            for (int id : List.of(1, 2, 17, 2999)) {
                try (ResultSet rs = s.executeQuery("SELECT customer_id, amount FROM orders WHERE id = " + id)) {
                    assertThat(rs.next()).as("order %d", id).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(customerOf(id));
                    assertThat(rs.getBigDecimal(2)).isEqualByComparingTo(amount(id));
                    assertThat(rs.next()).isFalse();
                }
            }
            try (ResultSet rs = s.executeQuery("EXPLAIN SELECT amount FROM orders WHERE id = 17")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("Gather Motion 1:1  (slice1; segments: 1)");
            }
        }
    }

    @Test
    @Order(5)
    void errorsCarryTheirSqlStateAndTheSessionKeepsWorking() throws Exception {
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELEC 1"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42601");
                        assertThat(e.getServerErrorMessage().getPosition()).isEqualTo(1);
                    });
            assertWorks(s);
            assertState(s, "SELECT * FROM no_such_table", "42P01");
            assertWorks(s);
            assertState(s, "SELECT no_such_column FROM customers", "42703");
            assertWorks(s);
            assertState(s, "INSERT INTO customers (id) VALUES ('x'::text)", "42804");
            assertWorks(s);
            assertState(s, "SELECT id / (id - id) FROM orders", "22012");
            assertWorks(s);
            assertState(s, "SELECT region FROM customers GROUP BY id", "42803");
            assertWorks(s);
        }
    }

    private static void assertState(Statement s, String sql, String state) {
        assertThatThrownBy(() -> s.execute(sql)).as(sql)
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as(sql).isEqualTo(state));
    }

    private static void assertWorks(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM customers")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(CUSTOMERS);
        }
    }

    @Test
    @Order(6)
    void secondStatementOfASessionReusesItsGang() throws Exception {
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM orders").close();
            long created = show(s, "gp_qes_created");
            assertThat(created).isPositive();
            if (!TestCluster.poolKeepsQes()) {
                assertEveryStatementMakesItsQes(s);
                return;
            }
            s.executeQuery("SELECT sum(amount) FROM orders").close();
            s.executeQuery("SELECT c.region, count(*) FROM customers c JOIN orders o ON o.customer_id = c.id"
                    + " GROUP BY c.region").close();
            long before = show(s, "gp_qes_created");
            s.executeQuery("SELECT c.region, count(*) FROM customers c JOIN orders o ON o.customer_id = c.id"
                    + " GROUP BY c.region").close();
            assertThat(show(s, "gp_qes_created")).isEqualTo(before);
            assertThat(show(s, "gp_qes_reused")).isPositive();
            long session = show(s, "gp_session_id");
            try (ResultSet rs = s.executeQuery("SELECT content, count(*) FROM gp_session_qes WHERE sess_id = " + session
                    + " AND role = 'writer' AND state = 'idle' GROUP BY content ORDER BY content")) {
                List<String> writers = new ArrayList<>();
                while (rs.next()) {
                    writers.add(rs.getInt(1) + ":" + rs.getLong(2));
                }
                assertThat(writers).as("one idle writer per segment").containsExactly("0:1", "1:1");
            }
            try (ResultSet rs = s.executeQuery("SELECT value FROM gp_dispatch_stats WHERE sess_id = " + session
                    + " AND counter = 'qes_created'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(before);
            }
        }
    }

    /** A pool that keeps no QE: each statement connects its gangs anew, and closes them after. */
    private static void assertEveryStatementMakesItsQes(Statement s) throws SQLException {
        long session = show(s, "gp_session_id");
        long before = show(s, "gp_qes_created");
        s.executeQuery("SELECT sum(amount) FROM orders").close();
        assertThat(show(s, "gp_qes_created")).isGreaterThan(before);
        assertThat(show(s, "gp_qes_reused")).isZero();
        assertThat(counter(s, session, "qes_destroyed_pooling_disabled")).isEqualTo(show(s, "gp_qes_created"));
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM gp_session_qes WHERE sess_id = " + session)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).as("no QE outlives its statement").isZero();
        }
    }

    @Test
    @Order(8)
    void aCursorReadInPartsRunsOnReaderGangsAndLeavesTheWritersFree() throws Exception {
        try (Connection c = cluster.connect()) {
            c.setAutoCommit(false);
            try (Statement cursor = c.createStatement(); Statement other = c.createStatement()) {
                cursor.setFetchSize(50);
                long session = show(other, "gp_session_id");
                int read = 0;
                try (ResultSet rows = cursor.executeQuery("SELECT id FROM orders")) {
                    while (read < 120 && rows.next()) {
                        read++;
                    }
                    // The cursor is open, its slices suspended: its QEs are busy readers, the writers idle.
                    List<String> qes = new ArrayList<>();
                    try (ResultSet rs = other.executeQuery("SELECT role, state, count(*) FROM gp_session_qes"
                            + " WHERE sess_id = " + session + " GROUP BY role, state ORDER BY role, state")) {
                        while (rs.next()) {
                            qes.add(rs.getString(1) + "/" + rs.getString(2) + "=" + rs.getLong(3));
                        }
                    }
                    assertThat(qes).contains("writer/idle=2").anyMatch(q -> q.startsWith("reader/busy="))
                            .noneMatch(q -> q.startsWith("writer/busy"));
                    while (rows.next()) {
                        read++;
                    }
                }
                assertThat(read).isEqualTo(ORDERS);
            }
            c.commit();
        }
    }

    @Test
    @Order(9)
    void declareFetchAndCloseACursor() throws Exception {
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("DECLARE outside CURSOR FOR SELECT id FROM orders"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25P01"));
            s.execute("BEGIN");
            s.execute("DECLARE c CURSOR FOR SELECT id FROM orders ORDER BY id");
            assertThat(fetchIds(s, "FETCH 5 FROM c")).containsExactly(1, 2, 3, 4, 5);
            assertThat(fetchIds(s, "FETCH FORWARD 3 FROM c")).containsExactly(6, 7, 8);
            assertThat(fetchIds(s, "FETCH c")).containsExactly(9);
            long session = show(s, "gp_session_id");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM gp_session_qes WHERE sess_id = " + session
                    + " AND role = 'writer' AND state = 'busy'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the cursor leaves the writers free").isZero();
            }
            assertThat(fetchIds(s, "FETCH ALL FROM c")).hasSize(ORDERS - 9).startsWith(10).endsWith(ORDERS);
            assertThat(fetchIds(s, "FETCH 1 FROM c")).isEmpty();
            s.execute("CLOSE c");
            assertThatThrownBy(() -> s.executeQuery("FETCH 1 FROM c"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("34000"));
            s.execute("ROLLBACK");
            s.execute("BEGIN");
            s.execute("DECLARE d CURSOR FOR SELECT id FROM orders");
            s.execute("COMMIT");
            assertThatThrownBy(() -> s.executeQuery("FETCH 1 FROM d")).as("a cursor without HOLD ends with its transaction")
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("34000"));
            assertWorks(s);
        }
    }

    @Test
    @Order(10)
    void readersThatHeldMoreThanTheGangCacheLimitAreNotPooled() throws Exception {
        // Each segment sorts about 150,000 rows (some megabytes) on the cursor's reader gang.
        String cursor = "DECLARE m CURSOR FOR SELECT a.id FROM orders a, orders b WHERE b.id <= 100"
                + " ORDER BY a.id LIMIT 1000000";
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            long session = show(s, "gp_session_id");
            s.execute("BEGIN");
            s.execute(cursor);
            assertThat(fetchIds(s, "FETCH ALL FROM m")).hasSize(ORDERS * 100);
            s.execute("COMMIT");
            assertThat(counter(s, session, "qes_destroyed_memory_limit")).as("under the default 500 MB").isZero();
        }
        // A QE's peak is over its whole life, as Greenplum's is: a fresh session shows just this cursor's readers.
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            long session = show(s, "gp_session_id");
            s.execute("SET gp_vmem_protect_gang_cache_limit = 1");
            s.execute("BEGIN");
            s.execute(cursor);
            assertThat(fetchIds(s, "FETCH ALL FROM m")).hasSize(ORDERS * 100);
            s.execute("COMMIT");
            if (TestCluster.poolKeepsQes()) {
                assertThat(counter(s, session, "qes_destroyed_memory_limit"))
                        .as("the two readers that sorted, over a 1 MB limit; not the two that only scanned").isEqualTo(2);
            } else {
                assertThat(counter(s, session, "qes_destroyed_memory_limit")).as("nothing is kept to judge").isZero();
                assertThat(counter(s, session, "qes_destroyed_pooling_disabled")).isPositive();
            }
        }
    }

    private static long counter(Statement s, long session, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT value FROM gp_dispatch_stats WHERE sess_id = " + session
                + " AND counter = '" + name + "'")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private static List<Integer> fetchIds(Statement s, String fetch) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(fetch)) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    private static long show(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return Long.parseLong(rs.getString(1));
        }
    }

    @Test
    @Order(7)
    void rowsWhoseInsertReturnedSurviveASegmentKill() throws Exception {
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE durable (k int, v text) DISTRIBUTED BY (k)");
            for (int i = 0; i < 20; i++) {
                s.execute("INSERT INTO durable VALUES (" + (2 * i) + ", 'a'), (" + (2 * i + 1) + ", 'b')");
            }
        }
        cluster.cluster().killSegment(0);
        cluster.cluster().startSegment(0);
        cluster.cluster().awaitSegment(0, Duration.ofSeconds(60));
        try (Connection c = cluster.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), sum(k) FROM durable")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(40);
            assertThat(rs.getLong(2)).isEqualTo(39 * 40 / 2);
        }
    }
}
