package io.gangway.server;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The demo's sample schema: customers and their orders, co-located by customer id, a replicated
 * lookup table and a view, generated deterministically so that answers are the same on every run.
 *
 * <p>Loading is safe to interrupt: a marker file, written only after the last statement, says the data
 * is complete; without it, {@link #ensureLoaded} drops whatever an interrupted load left and loads again.
 */
final class SampleData {
    static final int CUSTOMERS = 1_000;
    static final int ORDERS = 20_000;
    private static final List<String> REGIONS = List.of("north", "south", "east", "west", "central");
    private static final int BATCH = 1_000;

    private SampleData() {
    }

    /**
     * Loads the sample data unless {@code marker} says a load finished. Sample relations a load that did
     * not finish left behind are dropped first, so an interrupted first start never blocks the next one.
     *
     * @return whether it loaded the data (false: the marker was there)
     */
    static boolean ensureLoaded(Connection connection, Path marker, PrintStream progress)
            throws SQLException, IOException {
        if (Files.exists(marker)) {
            return false;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP VIEW IF EXISTS region_revenue");
            statement.execute("DROP TABLE IF EXISTS orders, customers, regions");
        }
        load(connection, progress);
        Files.writeString(marker, "loaded\n");
        return true;
    }

    private static void load(Connection connection, PrintStream progress) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE regions (name text, manager text) DISTRIBUTED REPLICATED");
            statement.execute("CREATE TABLE customers (id int, name text, region text, signup date) DISTRIBUTED BY (id)");
            statement.execute("CREATE TABLE orders (id int, customer_id int, amount numeric(12,2), ordered date,"
                    + " shipped boolean) DISTRIBUTED BY (customer_id)");
            StringJoiner regions = new StringJoiner(", ", "INSERT INTO regions VALUES ", "");
            for (int i = 0; i < REGIONS.size(); i++) {
                regions.add("('" + REGIONS.get(i) + "', 'manager " + (i + 1) + "')");
            }
            statement.execute(regions.toString());
            for (int start = 1; start <= CUSTOMERS; start += BATCH) {
                StringJoiner rows = new StringJoiner(", ", "INSERT INTO customers VALUES ", "");
                for (int id = start; id < start + BATCH && id <= CUSTOMERS; id++) {
                    rows.add(String.format(Locale.ROOT, "(%d, 'customer %d', '%s', date '2020-01-01' + %d)", id, id,
                            REGIONS.get(id % REGIONS.size()), id % 365));
                }
                statement.execute(rows.toString());
            }
            progress.printf("  customers: %d rows%n", CUSTOMERS);
            for (int start = 1; start <= ORDERS; start += BATCH) {
                StringJoiner rows = new StringJoiner(", ", "INSERT INTO orders VALUES ", "");
                for (int id = start; id < start + BATCH && id <= ORDERS; id++) {
                    rows.add(String.format(Locale.ROOT, "(%d, %d, %d.%02d, date '2021-01-01' + %d, %s)", id,
                            1 + (id * 7919) % CUSTOMERS, 5 + id % 500, id % 100, id % 730, id % 3 == 0));
                }
                statement.execute(rows.toString());
                progress.printf("  orders: %d of %d rows\r", Math.min(start + BATCH - 1, ORDERS), ORDERS);
            }
            progress.printf("%n");
            statement.execute("CREATE VIEW region_revenue AS SELECT c.region, count(*) AS orders, sum(o.amount) AS revenue"
                    + " FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.region");
        }
    }
}
