package io.gangway.bench.dispatch;

import java.sql.SQLException;

/** One timed operation of a benchmark scenario, run once per iteration. */
@FunctionalInterface
interface Scenario {
    void runOnce() throws SQLException;

    /** Runs {@code warmup} untimed iterations, then times {@code iterations} of them. */
    static Latencies measure(Scenario scenario, int warmup, int iterations) throws SQLException {
        for (int i = 0; i < warmup; i++) {
            scenario.runOnce();
        }
        long[] samples = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            scenario.runOnce();
            samples[i] = System.nanoTime() - start;
        }
        return Latencies.of(samples);
    }
}
