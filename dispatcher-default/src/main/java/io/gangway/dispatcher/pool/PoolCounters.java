package io.gangway.dispatcher.pool;

import io.gangway.spi.dispatch.DispatchStats;
import io.gangway.spi.dispatch.DispatchStats.DestroyReason;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** A pool's counters: QEs made, lent again, destroyed (by reason), gangs that connected new QEs and how long that took. Any thread. */
final class PoolCounters {
    private final LongAdder created = new LongAdder();
    private final LongAdder reused = new LongAdder();
    private final LongAdder destroyed = new LongAdder();
    private final Map<DestroyReason, LongAdder> destroyedBy = new ConcurrentHashMap<>();
    private final LongAdder gangsCreated = new LongAdder();
    private final LongAdder gangCreationNanos = new LongAdder();

    void created() {
        created.increment();
    }

    void reused() {
        reused.increment();
    }

    void destroyed(DestroyReason reason) {
        destroyed.increment();
        destroyedBy.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    void gangCreated(long nanos) {
        gangsCreated.increment();
        gangCreationNanos.add(nanos);
    }

    DispatchStats snapshot() {
        Map<DestroyReason, Long> byReason = new EnumMap<>(DestroyReason.class);
        destroyedBy.forEach((reason, count) -> byReason.put(reason, count.sum()));
        return new DispatchStats(created.sum(), reused.sum(), destroyed.sum(), byReason, gangsCreated.sum(),
                Duration.ofNanos(gangCreationNanos.sum()));
    }
}
