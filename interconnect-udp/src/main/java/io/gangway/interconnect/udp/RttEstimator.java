package io.gangway.interconnect.udp;

import java.util.concurrent.TimeUnit;

/**
 * Round-trip time of one stream and the retransmission timeout it gives, as Greenplum's UDP
 * interconnect computes them: an EWMA of samples (gain 1/8) and of their deviation (gain 1/4),
 * samples bounded to [0.1 ms, 200 ms], starting from 20 ms; RTO = (rtt + 4·dev) doubled per
 * back-off step (at most 12), clamped to [min RTO, 1 s]. Only packets acked on their first
 * transmission give samples (Karn's rule). Not thread-safe: its route's lock guards it.
 */
final class RttEstimator {
    static final long MAX_RTO_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long MIN_SAMPLE = TimeUnit.MICROSECONDS.toNanos(100);
    private static final long MAX_SAMPLE = TimeUnit.MILLISECONDS.toNanos(200);

    private final long minRtoNanos;
    private long rtt = TimeUnit.MILLISECONDS.toNanos(20);
    private long dev;

    RttEstimator(long minRtoNanos) {
        this.minRtoNanos = minRtoNanos;
    }

    void sample(long nanos) {
        long m = Math.clamp(nanos, MIN_SAMPLE, MAX_SAMPLE);
        long err = m - rtt;
        rtt += err / 8;
        dev += (Math.abs(err) - dev) / 4;
    }

    long rttNanos() {
        return rtt;
    }

    long rtoNanos(int backoff) {
        long base = Math.clamp(rtt + 4 * dev, minRtoNanos, MAX_RTO_NANOS);
        return Math.min(base << Math.min(backoff, 12), MAX_RTO_NANOS);
    }
}
