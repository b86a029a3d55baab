package io.gangway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.ClusterSecret;
import io.gangway.server.config.GangwayConf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * {@code SET}, {@code SHOW}, {@code RESET} and {@code pg_settings} through pgjdbc against a coordinator
 * started in this JVM. Nothing here reaches a segment (settings live on the coordinator, and
 * {@code pg_settings} is read there), so its one segment is never started.
 */
class CoordinatorSettingsTest {
    @TempDir
    static Path directory;
    private static CoordinatorProcess coordinator;

    @BeforeAll
    static void start() throws Exception {
        Files.write(directory.resolve(GangwayConf.FILE_NAME), List.of(
                "listen_address = '127.0.0.1'",
                "port = 0",
                "segment.0 = '127.0.0.1:1:" + directory.resolve("seg0") + "'",
                "statement_timeout = '5min'"));
        ClusterSecret.generate().writeTo(directory);
        coordinator = CoordinatorProcess.start(directory, Map.of("gp_interconnect_type", "tcp"));
    }

    @AfterAll
    static void stop() {
        if (coordinator != null) {
            coordinator.close();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + coordinator.endpoint().port() + "/gangway",
                "gangway", "");
    }

    @Test
    void aSetOfAReportedSettingIsReportedToTheClient() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            assertThat(pg.getParameterStatus("application_name")).isNotEqualTo("reporter");
            s.execute("SET application_name = 'reporter'");
            assertThat(pg.getParameterStatus("application_name")).isEqualTo("reporter");
            s.execute("RESET application_name");
            assertThat(pg.getParameterStatus("application_name")).isNotEqualTo("reporter");
        }
    }

    @Test
    void everySettingAModuleReadsIsKnownToShow() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(show(s, "gp_max_packet_size")).isEqualTo("8kB");
            assertThat(show(s, "gp_interconnect_queue_depth")).isEqualTo("4");
            assertThat(show(s, "gp_enable_multiphase_agg")).isEqualTo("on");
            assertThat(show(s, "work_mem")).isEqualTo("32MB");
            assertThat(show(s, "statement_timeout")).isEqualTo("5min");
            try (ResultSet rs = s.executeQuery("SHOW ALL")) {
                assertThat(rs.getMetaData().getColumnCount()).isEqualTo(3);
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                assertThat(names).contains("gp_max_packet_size", "gp_vmem_protect_gang_cache_limit", "port");
            }
        }
    }

    @Test
    void setAndResetOfAPerSessionSetting() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET work_mem = '8MB'");
            assertThat(show(s, "work_mem")).isEqualTo("8MB");
            s.execute("RESET work_mem");
            assertThat(show(s, "work_mem")).isEqualTo("32MB");
            s.execute("SET work_mem TO 1024");
            assertThat(show(s, "work_mem")).isEqualTo("1MB");
            s.execute("SET work_mem TO DEFAULT");
            assertThat(show(s, "work_mem")).isEqualTo("32MB");
            s.execute("SET myapp.colour = 'blue'");
            assertThat(show(s, "myapp.colour")).isEqualTo("blue");
        }
    }

    @Test
    void badSetsGiveTheirSqlStates() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertState(s, "SET gp_interconnect_queue_depth = 8", "55P02",
                    "parameter \"gp_interconnect_queue_depth\" cannot be changed without restarting the server");
            assertState(s, "SET gp_max_packet_size = 1400", "55P02",
                    "parameter \"gp_max_packet_size\" cannot be changed without restarting the server");
            assertState(s, "SET server_version = '13'", "55P02", "parameter \"server_version\" cannot be changed");
            assertState(s, "SET work_mem = -5", "22023",
                    "-5 kB is outside the valid range for parameter \"work_mem\" (64 kB .. 2147483647 kB)");
            assertState(s, "SET gp_dispatch_pooling = 'sometimes'", "22023",
                    "parameter \"gp_dispatch_pooling\" requires a Boolean value");
            assertState(s, "SET no_such_setting = 1", "42704", "unrecognized configuration parameter \"no_such_setting\"");
            assertState(s, "SHOW no_such_setting", "42704", "unrecognized configuration parameter \"no_such_setting\"");
            // The session keeps working.
            assertThat(show(s, "work_mem")).isEqualTo("32MB");
        }
    }

    @Test
    void pgSettingsShowsTheSessionsValuesAndWhereTheyCameFrom() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET work_mem = '8MB'");
            try (ResultSet rs = s.executeQuery("SELECT name, setting, unit, context, vartype, source, min_val, max_val, "
                    + "boot_val, reset_val, pending_restart FROM pg_settings WHERE name = 'work_mem'")) {
                assertThat(rs.next()).isTrue();
                assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)))
                        .containsExactly("work_mem", "8192", "kB", "user", "integer", "session", "64", "2147483647",
                                "32768", "32768");
                assertThat(rs.getBoolean(11)).isFalse();
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = s.executeQuery("SELECT setting, source, sourcefile, sourceline FROM pg_settings "
                    + "WHERE name = 'statement_timeout'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("300000");
                assertThat(rs.getString(2)).isEqualTo("configuration file");
                assertThat(rs.getString(3)).endsWith(GangwayConf.FILE_NAME);
                assertThat(rs.getInt(4)).isEqualTo(4);
            }
            try (ResultSet rs = s.executeQuery("SELECT context, enumvals, source FROM pg_settings "
                    + "WHERE name = 'gp_interconnect_type'")) {
                assertThat(rs.next()).isTrue();
                assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                        .containsExactly("postmaster", "{tcp,udp}", "command line");
            }
        }
    }

    private static String show(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static void assertState(Statement s, String sql, String state, String message) {
        assertThatThrownBy(() -> s.execute(sql)).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).as(sql).isEqualTo(state);
            assertThat(e.getMessage()).as(sql).contains(message);
        });
    }
}
