package io.gangway.dispatcher;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The dispatcher's settings, with Greenplum's names: how many idle reader QEs a session keeps per
 * segment, how long an idle reader lives, the peak memory past which a reader is not cached, how
 * gang creation retries while a segment refuses, how long a connect may take, and
 * {@code statement_timeout}. {@code gp_dispatch_pooling} is Gangway's own: off, every QE (writers
 * included) is closed at the end of its statement, so a benchmark can measure what pooling saves.
 */
public record DispatcherConfig(
        int cachedGangThreshold,
        Duration idleResourceTimeout,
        long gangCacheMemoryLimitBytes,
        int gangCreationRetryCount,
        Duration gangCreationRetryTimer,
        Duration connectTimeout,
        boolean pooling,
        Duration statementTimeout) {
    public static final String CACHED_GANG_THRESHOLD = "gp_cached_gang_threshold";
    public static final String IDLE_RESOURCE_TIMEOUT = "gp_vmem_idle_resource_timeout";
    /** In MB when a plain number (Greenplum's unit); {@code kB}, {@code MB}, {@code GB} suffixes work too. */
    public static final String GANG_CACHE_MEMORY_LIMIT = "gp_vmem_protect_gang_cache_limit";
    public static final String GANG_CREATION_RETRY_COUNT = "gp_gang_creation_retry_count";
    public static final String GANG_CREATION_RETRY_TIMER = "gp_gang_creation_retry_timer";
    public static final String CONNECT_TIMEOUT = "dispatch_connect_timeout";
    public static final String POOLING = "gp_dispatch_pooling";
    public static final String STATEMENT_TIMEOUT = "statement_timeout";

    /** The entry db keeps at most one idle reader (Greenplum's rule). */
    public static final int ENTRY_DB_CACHED_THRESHOLD = 1;

    public static final DispatcherConfig DEFAULT = new DispatcherConfig(
            5, Duration.ofMillis(18_000), 500L << 20, 5, Duration.ofMillis(2_000), Duration.ofSeconds(10), true, Duration.ZERO);

    public DispatcherConfig {
        if (cachedGangThreshold < 0) {
            throw negative(CACHED_GANG_THRESHOLD, cachedGangThreshold);
        }
        requireNonNull(idleResourceTimeout, "idleResourceTimeout is null");
        if (gangCacheMemoryLimitBytes < 0) {
            throw negative(GANG_CACHE_MEMORY_LIMIT, gangCacheMemoryLimitBytes);
        }
        if (gangCreationRetryCount < 0) {
            throw negative(GANG_CREATION_RETRY_COUNT, gangCreationRetryCount);
        }
        requireNonNull(gangCreationRetryTimer, "gangCreationRetryTimer is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(statementTimeout, "statementTimeout is null");
    }

    /** The config from a process's settings; missing keys keep their defaults. */
    public static DispatcherConfig fromMap(Map<String, String> config) {
        return DEFAULT.withSettings(new Settings(config));
    }

    /** This config with the values {@code settings} holds (a session's own SETs win over the process's). */
    public DispatcherConfig withSettings(Settings settings) {
        return new DispatcherConfig(
                settings.getInt(CACHED_GANG_THRESHOLD, cachedGangThreshold),
                settings.getDuration(IDLE_RESOURCE_TIMEOUT, idleResourceTimeout),
                settings.get(GANG_CACHE_MEMORY_LIMIT).map(v -> megabytes(settings, v)).orElse(gangCacheMemoryLimitBytes),
                settings.getInt(GANG_CREATION_RETRY_COUNT, gangCreationRetryCount),
                settings.getDuration(GANG_CREATION_RETRY_TIMER, gangCreationRetryTimer),
                settings.getDuration(CONNECT_TIMEOUT, connectTimeout),
                settings.getBoolean(POOLING, pooling),
                settings.getDuration(STATEMENT_TIMEOUT, statementTimeout));
    }

    /** How many idle readers a content keeps. */
    public int cachedThreshold(int content) {
        return content < 0 ? Math.min(ENTRY_DB_CACHED_THRESHOLD, cachedGangThreshold) : cachedGangThreshold;
    }

    private static long megabytes(Settings settings, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
            try {
                return Math.multiplyExact(Long.parseLong(v), 1L << 20);
            } catch (ArithmeticException | NumberFormatException e) {
                throw invalid(GANG_CACHE_MEMORY_LIMIT, value);
            }
        }
        return settings.getBytes(GANG_CACHE_MEMORY_LIMIT, 0);
    }

    private static SqlException negative(String name, long value) {
        return invalid(name, Long.toString(value));
    }

    private static SqlException invalid(String name, String value) {
        return new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + name + "\": \"" + value + "\"");
    }
}
