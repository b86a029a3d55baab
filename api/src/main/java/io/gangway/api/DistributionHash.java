package io.gangway.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a row of a hash-distributed table lives: a stable 64-bit hash of its key values, mapped to
 * a segment by jump consistent hashing. The hash of a value depends on the value alone (the same on
 * every host, JVM and run), and equal values of comparable types hash alike — {@code 1} as integer,
 * bigint or numeric {@code 1.00} — so joins across those types stay co-located.
 */
public final class DistributionHash {
    private static final long SEED = 0x9E3779B97F4A7C15L;
    private static final long NULL_HASH = 0x5bd1e9955bd1e995L;

    private DistributionHash() {
    }

    /** The hash of one row's key values, in key order. */
    public static long hash(List<?> keyValues) {
        long h = SEED;
        for (Object value : keyValues) {
            h = mix(h ^ hashValue(value));
        }
        return h;
    }

    /** The hash of a single value ({@code null} has a hash of its own). */
    public static long hashValue(Object value) {
        return switch (value) {
            case null -> NULL_HASH;
            case Integer i -> mix(i.longValue());
            case Long l -> mix(l);
            case BigDecimal d -> hashDecimal(d);
            case Double d -> d == Math.rint(d) && Math.abs(d) < 9.0e18 ? mix((long) d.doubleValue())
                    : mix(Double.doubleToLongBits(d));
            case String s -> hashBytes(s.getBytes(StandardCharsets.UTF_8));
            case Boolean b -> mix(b ? 1 : 0);
            case LocalDate d -> mix(d.toEpochDay() ^ 0x2545F4914F6CDD1DL);
            default -> throw new IllegalArgumentException("no distribution hash for " + value.getClass());
        };
    }

    /** Jump consistent hash (Lamping and Veach): a segment in 0..segments-1. */
    public static int segmentFor(long hash, int segments) {
        if (segments <= 0) {
            throw new IllegalArgumentException("segments " + segments);
        }
        long key = hash;
        long b = -1;
        long j = 0;
        while (j < segments) {
            b = j;
            key = key * 2862933555777941757L + 1;
            j = (long) ((b + 1) * ((double) (1L << 31) / (double) ((key >>> 33) + 1)));
        }
        return (int) b;
    }

    private static long hashDecimal(BigDecimal d) {
        BigDecimal stripped = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
            return mix(stripped.longValueExact());
        }
        return hashBytes(stripped.toPlainString().getBytes(StandardCharsets.UTF_8));
    }

    private static long hashBytes(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h ^ bytes.length);
    }

    /** SplitMix64's finalizer: spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
