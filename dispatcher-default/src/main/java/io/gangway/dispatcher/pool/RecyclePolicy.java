package io.gangway.dispatcher.pool;

import io.gangway.dispatcher.DispatcherConfig;
import io.gangway.spi.dispatch.DispatchStats.DestroyReason;
import java.util.Optional;

/**
 * Greenplum's recycle conditions as a pure function: given what is known of a QE given back, keep
 * it or destroy it, and why. The checks run in Greenplum's order; the first that fails decides.
 */
final class RecyclePolicy {
    private RecyclePolicy() {
    }

    /**
     * What a pool knows of a QE at release. {@code idleReaders}: readers of its content already
     * idle in the pool (the QE itself not counted).
     */
    record Facts(int content, boolean writer, boolean sessionClosed, boolean healthy, boolean segmentDown,
            boolean currentSettings, long peakMemoryBytes, int idleReaders) {
    }

    /** Empty to keep the QE; otherwise the reason it is destroyed. */
    static Optional<DestroyReason> decide(Facts qe, DispatcherConfig config) {
        if (qe.sessionClosed()) {
            return Optional.of(DestroyReason.SESSION_CLOSED);
        }
        if (!qe.healthy()) {
            return Optional.of(DestroyReason.BROKEN);
        }
        if (qe.segmentDown()) {
            return Optional.of(DestroyReason.SEGMENT_DOWN);
        }
        if (!config.pooling()) {
            return Optional.of(DestroyReason.POOLING_DISABLED);
        }
        if (!qe.currentSettings()) {
            return Optional.of(DestroyReason.FORCED);
        }
        if (!qe.writer()) {
            long limit = config.gangCacheMemoryLimitBytes();
            if (limit > 0 && qe.peakMemoryBytes() > limit) {
                return Optional.of(DestroyReason.MEMORY_LIMIT);
            }
            if (qe.idleReaders() >= config.cachedThreshold(qe.content())) {
                return Optional.of(DestroyReason.CACHE_THRESHOLD);
            }
        }
        return Optional.empty();
    }

    /** A destroyed writer whose loss resets the session: its transaction state on the segment is gone. */
    static boolean losesWriter(boolean writer, DestroyReason reason) {
        return writer && (reason == DestroyReason.FORCED || reason == DestroyReason.BROKEN
                || reason == DestroyReason.SEGMENT_DOWN);
    }
}
