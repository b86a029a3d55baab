package io.gangway.dispatcher;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.time.Duration;
import java.util.Map;

/**
 * The dispatcher's settings, with Greenplum's names: how many idle reader QEs a session keeps per
 * segment, how long an idle reader lives, how gang creation retries while a segment refuses, and
 * how long a connect may take.
 */
public record DispatcherConfig(
        int cachedGangThreshold,
        Duration idleResourceTimeout,
        int gangCreationRetryCount,
        Duration gangCreationRetryTimer,
        Duration connectTimeout) {
    public static final String CACHED_GANG_THRESHOLD = "gp_cached_gang_threshold";
    public static final String IDLE_RESOURCE_TIMEOUT = "gp_vmem_idle_resource_timeout";
    public static final String GANG_CREATION_RETRY_COUNT = "gp_gang_creation_retry_count";
    public static final String GANG_CREATION_RETRY_TIMER = "gp_gang_creation_retry_timer";
    public static final String CONNECT_TIMEOUT = "dispatch_connect_timeout";

    public static final DispatcherConfig DEFAULT = new DispatcherConfig(
            5, Duration.ofMillis(18_000), 5, Duration.ofMillis(2_000), Duration.ofSeconds(10));

    public DispatcherConfig {
        if (cachedGangThreshold < 0) {
            throw negative(CACHED_GANG_THRESHOLD, cachedGangThreshold);
        }
        requireNonNull(idleResourceTimeout, "idleResourceTimeout is null");
        if (gangCreationRetryCount < 0) {
            throw negative(GANG_CREATION_RETRY_COUNT, gangCreationRetryCount);
        }
        requireNonNull(gangCreationRetryTimer, "gangCreationRetryTimer is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
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
                settings.getInt(GANG_CREATION_RETRY_COUNT, gangCreationRetryCount),
                settings.getDuration(GANG_CREATION_RETRY_TIMER, gangCreationRetryTimer),
                settings.getDuration(CONNECT_TIMEOUT, connectTimeout));
    }

    private static SqlException negative(String name, int value) {
        return new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + name + "\": \"" + value + "\"");
    }
}
