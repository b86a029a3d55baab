package io.gangway.bench.dispatch;

import java.util.Arrays;

/**
 * Summary of one scenario's latency samples, in microseconds: nearest-rank percentiles and the
 * mean over every measured (post-warm-up) iteration.
 */
record Latencies(int samples, double p50, double p95, double p99, double mean) {
    static Latencies of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long n : sorted) {
            sum += n;
        }
        return new Latencies(sorted.length, micros(percentile(sorted, 50)), micros(percentile(sorted, 95)),
                micros(percentile(sorted, 99)), sum / sorted.length / 1_000.0);
    }

    /** Nearest-rank percentile of sorted samples. */
    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double micros(long nanos) {
        return nanos / 1_000.0;
    }
}
