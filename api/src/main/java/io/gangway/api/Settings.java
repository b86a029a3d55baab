package io.gangway.api;

import static java.util.Objects.requireNonNull;

import io.gangway.api.annotations.Experimental;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * GUC-style settings: lower-case names to their text values, as read from {@code gangway.conf},
 * given on a command line or changed by {@code SET}. Each module reads its own typed view of these
 * (an {@code XxxConfig}); names follow Greenplum's where the meaning is the same.
 */
@Experimental("settings are moving to declarations by their owners (issue 7)")
public record Settings(Map<String, String> values) {
    public static final Settings EMPTY = new Settings(Map.of());

    public Settings {
        TreeMap<String, String> normalized = new TreeMap<>();
        requireNonNull(values, "values is null").forEach((k, v) -> normalized.put(k.toLowerCase(Locale.ROOT), v));
        values = Map.copyOf(normalized);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name.toLowerCase(Locale.ROOT)));
    }

    public String getString(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    public int getInt(String name, int defaultValue) {
        return get(name).map(v -> parseInt(name, v)).orElse(defaultValue);
    }

    public boolean getBoolean(String name, boolean defaultValue) {
        return get(name).map(v -> (Boolean) SqlType.BOOLEAN.parse(v)).orElse(defaultValue);
    }

    /**
     * A duration: a plain number is in {@code defaultUnitMillis} units (milliseconds for
     * {@code statement_timeout}, as in PostgreSQL); {@code ms}, {@code s}, {@code min} suffixes work too.
     */
    public Duration getDuration(String name, Duration defaultValue) {
        return get(name).map(v -> parseDuration(name, v)).orElse(defaultValue);
    }

    /** A byte size: a plain number is kilobytes (PostgreSQL's unit for {@code work_mem}); kB, MB, GB work too. */
    public long getBytes(String name, long defaultValue) {
        return get(name).map(v -> parseBytes(name, v)).orElse(defaultValue);
    }

    public Settings with(String name, String value) {
        TreeMap<String, String> copy = new TreeMap<>(values);
        copy.put(name.toLowerCase(Locale.ROOT), value);
        return new Settings(copy);
    }

    public Settings withAll(Map<String, String> more) {
        TreeMap<String, String> copy = new TreeMap<>(values);
        more.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), v));
        return new Settings(copy);
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, value);
        }
    }

    private static Duration parseDuration(String name, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).strip()));
            }
            if (v.endsWith("min")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 3).strip()));
            }
            if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).strip()));
            }
            return Duration.ofMillis(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw invalid(name, value);
        }
    }

    private static long parseBytes(String name, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        long unit = 1024;
        if (v.endsWith("kb")) {
            v = v.substring(0, v.length() - 2);
        } else if (v.endsWith("mb")) {
            unit = 1024L * 1024;
            v = v.substring(0, v.length() - 2);
        } else if (v.endsWith("gb")) {
            unit = 1024L * 1024 * 1024;
            v = v.substring(0, v.length() - 2);
        }
        try {
            return Long.parseLong(v.strip()) * unit;
        } catch (NumberFormatException e) {
            throw invalid(name, value);
        }
    }

    private static SqlException invalid(String name, String value) {
        return new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + name + "\": \"" + value + "\"");
    }
}
