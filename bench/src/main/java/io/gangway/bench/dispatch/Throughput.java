package io.gangway.bench.dispatch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Statements per second of {@code clients} sessions each running one statement in a loop, as
 * {@code pgbench -c N -T T} does: every client opens its connection first, they start together,
 * and only statements that ended inside the measured interval count.
 */
final class Throughput {
    /** Opens one client's connection. */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    private Throughput() {
    }

    static double measure(Connector connector, String sql, int clients, Duration duration) throws SQLException {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                connections.add(connector.connect());
            }
            AtomicLong statements = new AtomicLong();
            AtomicReference<SQLException> failure = new AtomicReference<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            long[] window = new long[2];
            for (Connection connection : connections) {
                threads.add(Thread.ofPlatform().name("bench-client").start(() -> {
                    try (Statement s = connection.createStatement()) {
                        start.await();
                        long end = window[1];
                        while (System.nanoTime() < end) {
                            try (ResultSet rs = s.executeQuery(sql)) {
                                rs.next();
                            }
                            if (System.nanoTime() <= end) {
                                statements.incrementAndGet();
                            }
                        }
                    } catch (SQLException e) {
                        failure.compareAndSet(null, e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            window[0] = System.nanoTime();
            window[1] = window[0] + duration.toNanos();
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            return statements.get() / (duration.toNanos() / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring throughput", e);
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }
}
