package io.gangway.api.settings;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads and writes the values of declared settings, with PostgreSQL's rules and error messages. A
 * bad value is an {@link SqlException} with SQLSTATE {@code 22023} naming the setting and its bounds:
 * in the message for a number out of bounds ({@code -5 kB is outside the valid range for parameter
 * "work_mem" (64 kB .. 2147483647 kB)}), in the DETAIL for text that is not a number, in the HINT for
 * an enum ({@code Available values: tcp, udp.}) or a unit it does not take; units are read by
 * {@link Units}.
 *
 * <p>Parsed values are Java values by type: {@code Boolean} for {@code bool}, {@code Long} for
 * {@code integer} (in the base unit), {@code Double} for {@code real}, {@code String} for
 * {@code string} and {@code enum} (an enum value as declared).
 */
public final class SettingValues {
    private SettingValues() {
    }

    /** {@code text} as a value of {@code definition}, checked against its bounds or allowed values. */
    public static Object parse(SettingDefinition definition, String text) {
        return parse(definition.name(), definition.type(), text);
    }

    /** {@code text} as a value of the setting {@code name} of {@code type}. */
    public static Object parse(String name, SettingType type, String text) {
        requireNonNull(text, "text is null");
        return switch (type) {
            case SettingType.Bool b -> parseBool(text).orElseThrow(() -> new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                    "parameter \"" + name + "\" requires a Boolean value"));
            case SettingType.Int i -> {
                long value;
                try {
                    value = Units.toWholeBaseUnits(text, i.unit());
                } catch (Units.InvalidValueException e) {
                    throw invalid(name, text, e.hint()).withDetail(range(Long.toString(i.min()), Long.toString(i.max()), i.unit()));
                }
                if (value < i.min() || value > i.max()) {
                    String unit = i.unit().map(u -> " " + u.symbol()).orElse("");
                    throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, value + unit
                            + " is outside the valid range for parameter \"" + name + "\" (" + i.min() + unit + " .. "
                            + i.max() + unit + ")");
                }
                yield value;
            }
            case SettingType.Real r -> {
                double value;
                try {
                    value = Units.toBaseUnit(text, r.unit(), false);
                } catch (Units.InvalidValueException e) {
                    throw invalid(name, text, e.hint()).withDetail(range(Units.format(r.min()), Units.format(r.max()), r.unit()));
                }
                if (!(value >= r.min() && value <= r.max())) {
                    String unit = r.unit().map(u -> " " + u.symbol()).orElse("");
                    throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, Units.format(value) + unit
                            + " is outside the valid range for parameter \"" + name + "\" (" + Units.format(r.min()) + unit
                            + " .. " + Units.format(r.max()) + unit + ")");
                }
                yield value;
            }
            case SettingType.Text t -> text;
            case SettingType.Choice c -> c.values().stream().filter(v -> v.equalsIgnoreCase(text.strip())).findFirst()
                    .orElseThrow(() -> invalid(name, text, Optional.of("Available values: " + String.join(", ", c.values()) + ".")));
        };
    }

    /** The value as {@code SHOW} writes it: {@code on}/{@code off}, an integer in its best unit, text as is. */
    public static String show(SettingDefinition definition, Object value) {
        return switch (definition.type()) {
            case SettingType.Bool b -> ((Boolean) value) ? "on" : "off";
            case SettingType.Int i -> Units.format((Long) value, i.unit());
            case SettingType.Real r -> Units.format((Double) value) + r.unit().map(SettingUnit::symbol).orElse("");
            case SettingType.Text t -> (String) value;
            case SettingType.Choice c -> (String) value;
        };
    }

    /** The value as {@code pg_settings.setting} writes it: numbers bare, in the base unit. */
    public static String showInBaseUnit(SettingDefinition definition, Object value) {
        return switch (definition.type()) {
            case SettingType.Int i -> Long.toString((Long) value);
            case SettingType.Real r -> Units.format((Double) value);
            case SettingType.Bool b -> show(definition, value);
            case SettingType.Text t -> show(definition, value);
            case SettingType.Choice c -> show(definition, value);
        };
    }

    /**
     * PostgreSQL's booleans: {@code true}/{@code false}, {@code yes}/{@code no}, {@code on}/{@code off}
     * and {@code 1}/{@code 0}, in any case, and any prefix that names one of them alone ({@code t},
     * {@code ye}, {@code of}; not {@code o}).
     */
    public static Optional<Boolean> parseBool(String text) {
        String v = text.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.equals("1")) {
            return Optional.of(true);
        }
        if (v.equals("0")) {
            return Optional.of(false);
        }
        if ("true".startsWith(v) || "yes".startsWith(v)) {
            return Optional.of(true);
        }
        if ("false".startsWith(v) || "no".startsWith(v)) {
            return Optional.of(false);
        }
        if (v.length() >= 2 && "on".startsWith(v)) {
            return Optional.of(true);
        }
        if (v.length() >= 2 && "off".startsWith(v)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /** The DETAIL of a value that is not a number: the range it must be in. */
    private static String range(String min, String max, Optional<SettingUnit> unit) {
        String suffix = unit.map(u -> " " + u.symbol()).orElse("");
        return "The valid range is " + min + suffix + " .. " + max + suffix + ".";
    }

    private static SqlException invalid(String name, String text, Optional<String> hint) {
        return new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + name + "\": \"" + text + "\"", Optional.empty(), hint, OptionalInt.empty(),
                null);
    }
}
