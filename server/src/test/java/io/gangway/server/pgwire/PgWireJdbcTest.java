package io.gangway.server.pgwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real pgjdbc against the server on loopback, with fake sessions behind it. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PgWireJdbcTest {
    private static TestingPgServer server;

    @BeforeAll
    static void start() {
        server = new TestingPgServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void executeQuery() throws SQLException {
        try (Connection connection = server.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("?column?");
            assertThat(rs.next()).isFalse();
        }
    }

    /** prepareThreshold -1 makes pgjdbc describe first and use binary transfer from the first execution. */
    @ParameterizedTest
    @ValueSource(strings = {"5", "-1"})
    void preparedStatementParameters(String prepareThreshold) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("prepareThreshold", prepareThreshold);
        try (Connection connection = server.connect(properties);
                PreparedStatement statement = connection.prepareStatement("select ?, ?, ?, ?, ?, ?::date, ?")) {
            for (int round = 0; round < 2; round++) {
                statement.setInt(1, 5 + round);
                statement.setLong(2, 1L << 40);
                statement.setString(3, "héllo");
                statement.setBigDecimal(4, new BigDecimal("-12.50"));
                statement.setBoolean(5, true);
                statement.setDate(6, Date.valueOf(LocalDate.of(2024, 2, 29)));
                statement.setNull(7, Types.INTEGER);
                try (ResultSet rs = statement.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(5 + round);
                    assertThat(rs.getLong(2)).isEqualTo(1L << 40);
                    assertThat(rs.getString(3)).isEqualTo("héllo");
                    assertThat(rs.getBigDecimal(4)).isEqualByComparingTo("-12.50");
                    assertThat(rs.getBoolean(5)).isTrue();
                    assertThat(rs.getObject(6, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
                    assertThat(rs.getObject(7)).isNull();
                    assertThat(rs.wasNull()).isTrue();
                    assertThat(rs.next()).isFalse();
                }
                assertThat(server.lastSession().boundParameters.getLast()).isEqualTo(Arrays.asList(
                        5 + round, 1L << 40, "héllo", new BigDecimal("-12.50"), true, LocalDate.of(2024, 2, 29), null));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "-1"})
    void everyResultType(String prepareThreshold) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("prepareThreshold", prepareThreshold);
        try (Connection connection = server.connect(properties);
                PreparedStatement statement = connection.prepareStatement("select typed");
                ResultSet rs = statement.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean("b")).isTrue();
            assertThat(rs.getInt("i")).isEqualTo(42);
            assertThat(rs.getLong("l")).isEqualTo(1L << 40);
            assertThat(rs.getDouble("d")).isEqualTo(2.5);
            assertThat(rs.getBigDecimal("n")).isEqualByComparingTo("-12345.67");
            assertThat(rs.getString("t")).isEqualTo("héllo");
            assertThat(rs.getString("v")).isEqualTo("abc");
            assertThat(rs.getObject("day", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(rs.getMetaData().getColumnTypeName(5)).isEqualTo("numeric");
            assertThat(rs.getMetaData().getPrecision(5)).isEqualTo(10);
            assertThat(rs.getMetaData().getScale(5)).isEqualTo(2);
        }
    }

    @Test
    void executeUpdateReturnsTheCountOfTheTag() throws SQLException {
        try (Connection connection = server.connect();
                Statement statement = connection.createStatement();
                PreparedStatement insert = connection.prepareStatement("insert into t values (?)")) {
            assertThat(statement.executeUpdate("update t set x = 1")).isEqualTo(3);
            insert.setInt(1, 1);
            assertThat(insert.executeUpdate()).isEqualTo(2);
        }
    }

    @Test
    void fetchSizeWithAutocommitOffStreamsThroughASuspendedPortal() throws SQLException {
        try (Connection connection = server.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("select * from numbers")) {
                statement.setFetchSize(100);
                long count = 0;
                long sum = 0;
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        count++;
                        sum += rs.getInt(1);
                        assertThat(rs.getString(2)).isEqualTo("row number " + rs.getInt(1));
                    }
                }
                assertThat(count).isEqualTo(FakeClientSession.NUMBERS);
                assertThat(sum).isEqualTo((long) FakeClientSession.NUMBERS * (FakeClientSession.NUMBERS + 1) / 2);
            }
            connection.commit();
            // pgjdbc may first SET application_name, as it does for servers it takes for older than 9.0
            assertThat(server.lastSession().executed).endsWith("begin", "select * from numbers", "commit");
        }
    }

    @Test
    void errorsCarryTheirSqlStateAndTheConnectionStaysUsable() throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("select * from nope"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42P01");
                        assertThat(e.getMessage()).contains("relation \"nope\" does not exist").contains("Position: 15");
                    });
            try (ResultSet rs = statement.executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (PreparedStatement failing = connection.prepareStatement("select 1/0")) {
                assertThatThrownBy(failing::executeQuery)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22012"));
            }
            try (ResultSet rs = statement.executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void cancelReachesTheSession() throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            FakeClientSession session = server.lastSession();
            CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    statement.executeQuery("select sleep");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            assertThat(session.sleeping.await(10, TimeUnit.SECONDS)).isTrue();
            statement.cancel();
            Throwable error = outcome.get(10, TimeUnit.SECONDS);
            assertThat(error).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("57014"));
            assertThat(session.cancels).hasValue(1);
            try (ResultSet rs = statement.executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void closingTheConnectionClosesTheSession() throws Exception {
        FakeClientSession session;
        try (Connection connection = server.connect()) {
            session = server.lastSession();
            assertThat(connection.isValid(5)).isTrue();
        }
        assertThat(session.closed.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
