package io.gangway.api.settings;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A setting as its owner declares it: the name it is set and shown by, its type with bounds or
 * allowed values and unit, its default, when it may change, and what it does. The columns of
 * {@code pg_settings} come from here. Two declarations of one name must be equal (two modules that
 * read the same setting share one constant), or the process refuses to start.
 *
 * @param name the name as shown ({@code DateStyle}); {@code SET}, {@code SHOW} and {@code gangway.conf}
 *     match it without regard to case
 * @param type the type, with bounds, allowed values and base unit
 * @param defaultValue the value when nothing sets it, written as in {@code gangway.conf} (a bare
 *     number is in the base unit); checked against the type
 * @param context when it may change
 * @param category {@code pg_settings.category}: PostgreSQL's categories where one fits
 *     ({@code Resource Usage / Memory}), {@code Gangway / Interconnect} and the like otherwise
 * @param description one line: what the setting does
 */
public record SettingDefinition(
        String name,
        SettingType type,
        String defaultValue,
        SettingContext context,
        String category,
        String description) {
    public SettingDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(context, "context is null");
        requireNonNull(category, "category is null");
        requireNonNull(description, "description is null");
        if (name.isBlank() || !name.strip().equals(name) || name.contains("=")) {
            throw new IllegalArgumentException("bad setting name \"" + name + "\"");
        }
        try {
            SettingValues.parse(name, type, defaultValue);
        } catch (SqlException e) {
            throw new IllegalArgumentException("the default of " + name + " is invalid: " + e.getMessage(), e);
        }
    }

    /** A boolean setting. */
    public static SettingDefinition bool(String name, boolean defaultValue, SettingContext context, String category,
            String description) {
        return new SettingDefinition(name, new SettingType.Bool(), defaultValue ? "on" : "off", context, category, description);
    }

    /** An integer setting without a unit, in {@code [min, max]}. */
    public static SettingDefinition integer(String name, long defaultValue, long min, long max, SettingContext context,
            String category, String description) {
        return new SettingDefinition(name, new SettingType.Int(min, max, Optional.empty()), Long.toString(defaultValue),
                context, category, description);
    }

    /** An integer setting in {@code unit} (a size or a duration); the default and bounds are in that unit. */
    public static SettingDefinition integer(String name, long defaultValue, SettingUnit unit, long min, long max,
            SettingContext context, String category, String description) {
        return new SettingDefinition(name, new SettingType.Int(min, max, Optional.of(unit)), Long.toString(defaultValue),
                context, category, description);
    }

    /** A real setting without a unit, in {@code [min, max]}. */
    public static SettingDefinition real(String name, double defaultValue, double min, double max, SettingContext context,
            String category, String description) {
        return new SettingDefinition(name, new SettingType.Real(min, max, Optional.empty()), Units.format(defaultValue),
                context, category, description);
    }

    /** A text setting. */
    public static SettingDefinition string(String name, String defaultValue, SettingContext context, String category,
            String description) {
        return new SettingDefinition(name, new SettingType.Text(), defaultValue, context, category, description);
    }

    /** A setting that takes one of {@code values}. */
    public static SettingDefinition enumerated(String name, String defaultValue, List<String> values, SettingContext context,
            String category, String description) {
        return new SettingDefinition(name, new SettingType.Choice(values), defaultValue, context, category, description);
    }

    /** The lower-case name settings are stored and looked up by. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** {@code text} as a value of this setting ({@link SettingValues#parse}); a bad value throws 22023. */
    public Object parse(String text) {
        return SettingValues.parse(this, text);
    }

    /** The default, parsed. */
    public Object defaultParsed() {
        return parse(defaultValue);
    }

    /** The base unit of an integer or real setting. */
    public Optional<SettingUnit> unit() {
        return switch (type) {
            case SettingType.Int i -> i.unit();
            case SettingType.Real r -> r.unit();
            case SettingType.Bool b -> Optional.empty();
            case SettingType.Text t -> Optional.empty();
            case SettingType.Choice c -> Optional.empty();
        };
    }
}
