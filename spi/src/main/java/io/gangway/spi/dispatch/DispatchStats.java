package io.gangway.spi.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counters of a session's QEs since it started: QEs made (connections opened), lent again from
 * the pool, destroyed (in all, and by {@link DestroyReason}), and how many gangs had to connect
 * new QEs and how long that took in all (Greenplum's {@code gp_print_create_gang_time}).
 *
 * <p>{@code qesDestroyed} is the sum of {@code destroyedByReason}'s values when the latter is
 * filled in; an implementation that does not tell reasons apart leaves the map empty.
 */
public record DispatchStats(
        long qesCreated,
        long qesReused,
        long qesDestroyed,
        Map<DestroyReason, Long> destroyedByReason,
        long gangsCreated,
        Duration gangCreationTime) {
    /** Why a QE was destroyed instead of being kept in the pool (Greenplum's recycle conditions, and the rest). */
    public enum DestroyReason {
        /** The caller forced it: its statement failed or was cancelled, or it missed a {@code SET}. */
        FORCED,
        /** Its connection broke, or it did not answer a cancel in time. */
        BROKEN,
        /** Its segment is marked down ({@code status = 'd'}) in the cluster's configuration. */
        SEGMENT_DOWN,
        /** Its content already had {@code gp_cached_gang_threshold} idle readers (1 for the entry db). */
        CACHE_THRESHOLD,
        /** A reader whose peak memory passed {@code gp_vmem_protect_gang_cache_limit}. */
        MEMORY_LIMIT,
        /** An idle reader released after {@code gp_vmem_idle_resource_timeout}. */
        IDLE_TIMEOUT,
        /** Released by an explicit cleanup of idle QEs, or because the component databases were refreshed. */
        CLEANUP,
        /** Pooling is off ({@code gp_dispatch_pooling = off}): every QE is closed after its statement. */
        POOLING_DISABLED,
        /** The session ended. */
        SESSION_CLOSED
    }

    public DispatchStats {
        requireNonNull(destroyedByReason, "destroyedByReason is null");
        destroyedByReason = destroyedByReason.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(destroyedByReason));
        requireNonNull(gangCreationTime, "gangCreationTime is null");
    }

    /** Counters without reasons or gang timings. */
    public DispatchStats(long qesCreated, long qesReused, long qesDestroyed) {
        this(qesCreated, qesReused, qesDestroyed, Map.of(), 0, Duration.ZERO);
    }

    /** How many QEs were destroyed for {@code reason} (0 when the implementation does not say). */
    public long destroyed(DestroyReason reason) {
        return destroyedByReason.getOrDefault(reason, 0L);
    }
}
