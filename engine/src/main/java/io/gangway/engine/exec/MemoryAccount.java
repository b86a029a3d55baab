package io.gangway.engine.exec;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the operators of one slice hold in memory: rows buffered by hash-join build sides, sorts and
 * nested loops, and aggregate groups. Operators charge an estimate of the bytes they keep; the
 * account remembers the peak, which a QE reports to its dispatcher (Greenplum's per-QE vmem figure:
 * a reader that once held more than {@code gp_vmem_protect_gang_cache_limit} is not kept in the
 * pool). Estimates follow the JVM's object layout closely enough to compare against a limit in
 * megabytes; {@code work_mem} budgets and spilling will charge the same account.
 */
public final class MemoryAccount {
    /** Bytes of a reference in an array slot (compressed oops). */
    private static final int REFERENCE = 4;

    private final AtomicLong used = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    public void charge(long bytes) {
        long now = used.addAndGet(bytes);
        peak.accumulateAndGet(now, Math::max);
    }

    public void release(long bytes) {
        used.addAndGet(-bytes);
    }

    public long used() {
        return used.get();
    }

    public long peak() {
        return peak.get();
    }

    /** The bytes a value kept in a row slot costs: its reference and, unless shared, the object. */
    public static long estimate(Object value) {
        return REFERENCE + switch (value) {
            case null -> 0;
            case Boolean b -> 0; // Boolean.TRUE and FALSE are shared
            case Integer i -> 16;
            case Long l -> 24;
            case Double d -> 24;
            case String s -> 40 + s.length();
            case BigDecimal d -> 40 + 8L * (d.unscaledValue().bitLength() / 32 + 1);
            default -> 24;
        };
    }
}
