package io.gangway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's sample-data load on a real cluster: a first start cut off in the middle of the load (as by
 * Ctrl-C) leaves a data directory on which the next start loads the data whole.
 */
class SampleDataIT {
    private static TestCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.start();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aLoadCutOffHalfwayIsRedoneWholeOnTheNextStart() throws Exception {
        Path marker = cluster.root().resolve("sample-data-loaded");
        try (Connection c = cluster.connect()) {
            // Cut off once the customers are in: regions and customers are full, orders is made but empty.
            PrintStream cutOff = new PrintStream(new CutOffAfter("customers:"), true, StandardCharsets.UTF_8);
            assertThatThrownBy(() -> SampleData.ensureLoaded(c, marker, cutOff)).isInstanceOf(Interrupted.class);
            assertThat(marker).doesNotExist();
            assertThat(count(c, "customers")).isEqualTo(SampleData.CUSTOMERS);
            assertThat(count(c, "orders")).isZero();

            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            assertThat(SampleData.ensureLoaded(c, marker, new PrintStream(progress, true, StandardCharsets.UTF_8)))
                    .isTrue();
            assertThat(marker).exists();
            assertThat(count(c, "regions")).isEqualTo(5);
            assertThat(count(c, "customers")).isEqualTo(SampleData.CUSTOMERS);
            assertThat(count(c, "orders")).isEqualTo(SampleData.ORDERS);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT sum(orders) FROM region_revenue")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(SampleData.ORDERS);
            }

            // Later starts find the marker and leave the data alone.
            assertThat(SampleData.ensureLoaded(c, marker, new PrintStream(OutputStream.nullOutputStream()))).isFalse();
            assertThat(count(c, "orders")).isEqualTo(SampleData.ORDERS);
        }
        assertThat(Files.readString(marker)).isEqualTo("loaded\n");
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Stands for Ctrl-C: thrown out of the load's progress output. */
    private static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("load cut off");
        }
    }

    /** Progress output that cuts the load off once it has shown a given text. */
    private static final class CutOffAfter extends OutputStream {
        private final String text;
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

        CutOffAfter(String text) {
            this.text = text;
        }

        @Override
        public void write(int b) {
            seen.write(b);
            if (seen.toString(StandardCharsets.UTF_8).contains(text) && b == '\n') {
                throw new Interrupted();
            }
        }
    }
}
