package io.gangway.api.settings;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The type of a setting, with what bounds its values: PostgreSQL's five {@code vartype}s. Integers
 * and reals may have a base unit; a bare number is in that unit, and a suffixed one is converted
 * to it ({@link Units}).
 */
public sealed interface SettingType {
    /** PostgreSQL's name of the type, as {@code pg_settings.vartype} shows it. */
    String vartype();

    /** {@code on}/{@code off}, with PostgreSQL's spellings ({@code true}, {@code yes}, {@code 1}, prefixes). */
    record Bool() implements SettingType {
        @Override
        public String vartype() {
            return "bool";
        }
    }

    /** A whole number in {@code [min, max]}, in {@code unit} if it has one. */
    record Int(long min, long max, Optional<SettingUnit> unit) implements SettingType {
        public Int {
            requireNonNull(unit, "unit is null");
            if (min > max) {
                throw new IllegalArgumentException("min " + min + " > max " + max);
            }
        }

        @Override
        public String vartype() {
            return "integer";
        }
    }

    /** A floating-point number in {@code [min, max]}, in {@code unit} if it has one. */
    record Real(double min, double max, Optional<SettingUnit> unit) implements SettingType {
        public Real {
            requireNonNull(unit, "unit is null");
            if (!(min <= max)) {
                throw new IllegalArgumentException("min " + min + " > max " + max);
            }
        }

        @Override
        public String vartype() {
            return "real";
        }
    }

    /** Any text. */
    record Text() implements SettingType {
        @Override
        public String vartype() {
            return "string";
        }
    }

    /** One of {@code values}, matched without regard to case and stored as declared. */
    record Choice(List<String> values) implements SettingType {
        public Choice {
            values = List.copyOf(requireNonNull(values, "values is null"));
            if (values.isEmpty()) {
                throw new IllegalArgumentException("an enum setting needs at least one value");
            }
        }

        @Override
        public String vartype() {
            return "enum";
        }
    }
}
