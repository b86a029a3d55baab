package io.gangway.api;

import static java.util.Objects.requireNonNull;

import io.gangway.api.annotations.Experimental;
import io.gangway.api.settings.SettingDefinition;
import io.gangway.api.settings.SettingType;
import io.gangway.api.settings.SettingUnit;
import io.gangway.api.settings.SettingValues;
import io.gangway.api.settings.Units;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * GUC-style settings: lower-case names to their text values, as read from {@code gangway.conf},
 * given on a command line or changed by {@code SET}. Each module reads its own typed view of these
 * (an {@code XxxConfig}) through the settings' declarations ({@link #getInt(SettingDefinition)} and
 * the like), which give the default, the unit and the bounds; names follow Greenplum's where the
 * meaning is the same.
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

    /** The value of {@code setting} here, or its default: parsed and checked ({@code 22023} when bad). */
    public Object value(SettingDefinition setting) {
        return setting.parse(get(setting.key()).orElse(setting.defaultValue()));
    }

    /** Whether a value of {@code setting} is here (otherwise reads give its default). */
    public boolean isSet(SettingDefinition setting) {
        return values.containsKey(setting.key());
    }

    /** A {@code bool} setting. */
    public boolean getBoolean(SettingDefinition setting) {
        requireType(setting, setting.type() instanceof SettingType.Bool);
        return (Boolean) value(setting);
    }

    /** An {@code integer} setting, in its base unit. */
    public long getLong(SettingDefinition setting) {
        requireType(setting, setting.type() instanceof SettingType.Int);
        return (Long) value(setting);
    }

    /** An {@code integer} setting whose bounds fit an {@code int}, in its base unit. */
    public int getInt(SettingDefinition setting) {
        requireType(setting, setting.type() instanceof SettingType.Int i
                && i.min() >= Integer.MIN_VALUE && i.max() <= Integer.MAX_VALUE);
        return Math.toIntExact(getLong(setting));
    }

    /** A {@code real} setting, in its base unit. */
    public double getReal(SettingDefinition setting) {
        requireType(setting, setting.type() instanceof SettingType.Real);
        return (Double) value(setting);
    }

    /** A {@code string} or {@code enum} setting (an enum's value as declared). */
    public String getString(SettingDefinition setting) {
        requireType(setting, setting.type() instanceof SettingType.Text || setting.type() instanceof SettingType.Choice);
        return (String) value(setting);
    }

    /** An {@code integer} setting whose unit is a duration. */
    public Duration getDuration(SettingDefinition setting) {
        requireType(setting, setting.unit().map(u -> u.kind() == SettingUnit.Kind.TIME).orElse(false));
        return Duration.of(getLong(setting), ChronoUnit.MICROS).multipliedBy(setting.unit().orElseThrow().factor());
    }

    /** An {@code integer} setting whose unit is a size, in bytes. */
    public long getBytes(SettingDefinition setting) {
        requireType(setting, setting.unit().map(u -> u.kind() == SettingUnit.Kind.MEMORY).orElse(false));
        return Math.multiplyExact(getLong(setting), setting.unit().orElseThrow().factor());
    }

    /** @deprecated read through the setting's declaration: {@link #getInt(SettingDefinition)} */
    @Deprecated
    public int getInt(String name, int defaultValue) {
        return get(name).map(v -> parseInt(name, v)).orElse(defaultValue);
    }

    /** @deprecated read through the setting's declaration: {@link #getBoolean(SettingDefinition)} */
    @Deprecated
    public boolean getBoolean(String name, boolean defaultValue) {
        return get(name).map(v -> SettingValues.parseBool(v).orElseThrow(() -> invalid(name, v))).orElse(defaultValue);
    }

    /**
     * A duration whose bare number is in milliseconds.
     *
     * @deprecated read through the setting's declaration, which names its unit: {@link #getDuration(SettingDefinition)}
     */
    @Deprecated
    public Duration getDuration(String name, Duration defaultValue) {
        return get(name).map(v -> Duration.ofMillis(wholeUnits(name, v, SettingUnit.MILLISECONDS))).orElse(defaultValue);
    }

    /**
     * A size in bytes whose bare number is in kilobytes.
     *
     * @deprecated read through the setting's declaration, which names its unit: {@link #getBytes(SettingDefinition)}
     */
    @Deprecated
    public long getBytes(String name, long defaultValue) {
        return get(name).map(v -> wholeUnits(name, v, SettingUnit.KILOBYTES) * 1024).orElse(defaultValue);
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

    private static long wholeUnits(String name, String value, SettingUnit unit) {
        try {
            return Units.toWholeBaseUnits(value, Optional.of(unit));
        } catch (Units.InvalidValueException e) {
            throw invalid(name, value);
        }
    }

    private static void requireType(SettingDefinition setting, boolean matches) {
        if (!matches) {
            throw new IllegalArgumentException("setting " + setting.name() + " is not of the type read ("
                    + setting.type() + ")");
        }
    }

    private static SqlException invalid(String name, String value) {
        return new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + name + "\": \"" + value + "\"");
    }
}
