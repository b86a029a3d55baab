package io.gangway.dispatcher;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.settings.SettingContext;
import io.gangway.api.settings.SettingDefinition;
import io.gangway.api.settings.SettingUnit;
import io.gangway.api.settings.StandardSettings;
import java.time.Duration;
import java.util.List;
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
    private static final String CATEGORY = "Gangway / Dispatch";

    public static final SettingDefinition CACHED_GANG_THRESHOLD = SettingDefinition.integer("gp_cached_gang_threshold", 5,
            0, Integer.MAX_VALUE, SettingContext.USER, CATEGORY, "Sets the idle reader QEs a session keeps per segment.");
    public static final SettingDefinition IDLE_RESOURCE_TIMEOUT = SettingDefinition.integer(
            "gp_vmem_idle_resource_timeout", 18_000, SettingUnit.MILLISECONDS, 0, Integer.MAX_VALUE, SettingContext.USER,
            CATEGORY, "Sets how long an idle reader QE is kept before it is released.");
    /** A bare number is megabytes (Greenplum's unit). */
    public static final SettingDefinition GANG_CACHE_MEMORY_LIMIT = SettingDefinition.integer(
            "gp_vmem_protect_gang_cache_limit", 500, SettingUnit.MEGABYTES, 0, Integer.MAX_VALUE, SettingContext.USER,
            CATEGORY, "Sets the peak memory past which a reader QE is not kept for reuse.");
    public static final SettingDefinition GANG_CREATION_RETRY_COUNT = SettingDefinition.integer(
            "gp_gang_creation_retry_count", 5, 0, 128, SettingContext.USER, CATEGORY,
            "Sets how often gang creation is retried while a segment refuses connections.");
    public static final SettingDefinition GANG_CREATION_RETRY_TIMER = SettingDefinition.integer(
            "gp_gang_creation_retry_timer", 2000, SettingUnit.MILLISECONDS, 1, Integer.MAX_VALUE, SettingContext.USER,
            CATEGORY, "Sets the wait between gang creation retries.");
    public static final SettingDefinition CONNECT_TIMEOUT = SettingDefinition.integer("dispatch_connect_timeout", 10_000,
            SettingUnit.MILLISECONDS, 1, Integer.MAX_VALUE, SettingContext.USER, CATEGORY,
            "Sets how long connecting to a QE may take.");
    public static final SettingDefinition POOLING = SettingDefinition.bool("gp_dispatch_pooling", true, SettingContext.USER,
            CATEGORY, "Keeps QEs between statements; off closes every QE at the end of its statement.");
    public static final SettingDefinition STATEMENT_TIMEOUT = StandardSettings.STATEMENT_TIMEOUT;

    /** Every setting {@link #withSettings} reads: what the dispatcher factory declares. */
    public static final List<SettingDefinition> SETTINGS = List.of(CACHED_GANG_THRESHOLD, IDLE_RESOURCE_TIMEOUT,
            GANG_CACHE_MEMORY_LIMIT, GANG_CREATION_RETRY_COUNT, GANG_CREATION_RETRY_TIMER, CONNECT_TIMEOUT, POOLING,
            STATEMENT_TIMEOUT);

    /** The entry db keeps at most one idle reader (Greenplum's rule). */
    public static final int ENTRY_DB_CACHED_THRESHOLD = 1;

    public static final DispatcherConfig DEFAULT = new DispatcherConfig(
            5, Duration.ofMillis(18_000), 500L << 20, 5, Duration.ofMillis(2_000), Duration.ofSeconds(10), true, Duration.ZERO);

    public DispatcherConfig {
        if (cachedGangThreshold < 0) {
            throw negative(CACHED_GANG_THRESHOLD.name(), cachedGangThreshold);
        }
        requireNonNull(idleResourceTimeout, "idleResourceTimeout is null");
        if (gangCacheMemoryLimitBytes < 0) {
            throw negative(GANG_CACHE_MEMORY_LIMIT.name(), gangCacheMemoryLimitBytes);
        }
        if (gangCreationRetryCount < 0) {
            throw negative(GANG_CREATION_RETRY_COUNT.name(), gangCreationRetryCount);
        }
        requireNonNull(gangCreationRetryTimer, "gangCreationRetryTimer is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(statementTimeout, "statementTimeout is null");
    }

    /** The config from a process's settings; missing keys keep their defaults. */
    public static DispatcherConfig fromMap(Map<String, String> config) {
        return DEFAULT.withSettings(new Settings(config));
    }

    /**
     * This config with the values {@code settings} holds (a session's own SETs win over the process's),
     * read through the declarations in {@link #SETTINGS}; a setting not there keeps this config's value.
     */
    public DispatcherConfig withSettings(Settings settings) {
        return new DispatcherConfig(
                settings.isSet(CACHED_GANG_THRESHOLD) ? settings.getInt(CACHED_GANG_THRESHOLD) : cachedGangThreshold,
                settings.isSet(IDLE_RESOURCE_TIMEOUT) ? settings.getDuration(IDLE_RESOURCE_TIMEOUT) : idleResourceTimeout,
                settings.isSet(GANG_CACHE_MEMORY_LIMIT) ? settings.getBytes(GANG_CACHE_MEMORY_LIMIT) : gangCacheMemoryLimitBytes,
                settings.isSet(GANG_CREATION_RETRY_COUNT) ? settings.getInt(GANG_CREATION_RETRY_COUNT) : gangCreationRetryCount,
                settings.isSet(GANG_CREATION_RETRY_TIMER) ? settings.getDuration(GANG_CREATION_RETRY_TIMER) : gangCreationRetryTimer,
                settings.isSet(CONNECT_TIMEOUT) ? settings.getDuration(CONNECT_TIMEOUT) : connectTimeout,
                settings.isSet(POOLING) ? settings.getBoolean(POOLING) : pooling,
                settings.isSet(STATEMENT_TIMEOUT) ? settings.getDuration(STATEMENT_TIMEOUT) : statementTimeout);
    }

    /** How many idle readers a content keeps. */
    public int cachedThreshold(int content) {
        return content < 0 ? Math.min(ENTRY_DB_CACHED_THRESHOLD, cachedGangThreshold) : cachedGangThreshold;
    }

    private static SqlException negative(String name, long value) {
        return invalid(name, Long.toString(value));
    }

    private static SqlException invalid(String name, String value) {
        return new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + name + "\": \"" + value + "\"");
    }
}
