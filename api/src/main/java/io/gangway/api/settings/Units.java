package io.gangway.api.settings;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Numbers with units, by PostgreSQL's rules: the one place a size or a duration is read or shown.
 *
 * <ul>
 *   <li>A value is a number, optionally followed (after optional spaces) by a unit suffix
 *       ({@link SettingUnit}); a bare number is in the setting's base unit.</li>
 *   <li>An integer setting's number may be decimal, hexadecimal ({@code 0x1F}) or octal ({@code 017}),
 *       as C's {@code strtol} reads it, or have a fraction or exponent ({@code 1.5MB}); a value
 *       converted to the base unit is rounded to the nearest whole number (half to even).</li>
 *   <li>Only units of the setting's kind are accepted (a size for a size, a duration for a duration);
 *       a setting without a unit takes no suffix at all.</li>
 *   <li>Shown, an integer is written in the largest unit that holds it exactly ({@code 32MB}, not
 *       {@code 32768kB}); zero and negative values are written bare, as PostgreSQL does.</li>
 * </ul>
 */
public final class Units {
    private static final Pattern VALUE = Pattern.compile(
            "\\s*([+-]?(?:0[xX][0-9a-fA-F]+|(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?))\\s*(\\S*)\\s*");
    private static final Pattern OCTAL = Pattern.compile("[+-]?0[0-7]+");
    private static final Pattern DECIMAL_INTEGER = Pattern.compile("[+-]?\\d+");

    private Units() {
    }

    /** A value that is not a number in an accepted unit; {@code hint} says what would be. */
    public static final class InvalidValueException extends IllegalArgumentException {
        private final Optional<String> hint;

        InvalidValueException(Optional<String> hint) {
            super(hint.orElse("invalid value"));
            this.hint = hint;
        }

        public Optional<String> hint() {
            return hint;
        }
    }

    /**
     * Reads {@code text} as a number in {@code baseUnit} (a bare number, or one with a suffix of the
     * same kind converted to it). {@code integerSyntax} allows C's hexadecimal and octal integers.
     * The result is not rounded.
     *
     * @throws InvalidValueException if the text is not such a number
     */
    public static double toBaseUnit(String text, Optional<SettingUnit> baseUnit, boolean integerSyntax) {
        Matcher m = VALUE.matcher(text);
        if (!m.matches()) {
            throw new InvalidValueException(Optional.empty());
        }
        double number = number(m.group(1), integerSyntax);
        String suffix = m.group(2);
        if (suffix.isEmpty()) {
            return number;
        }
        if (baseUnit.isEmpty()) {
            throw new InvalidValueException(Optional.empty());
        }
        SettingUnit base = baseUnit.get();
        Optional<SettingUnit> unit = SettingUnit.bySymbol(suffix).filter(u -> u.kind() == base.kind());
        if (unit.isEmpty()) {
            throw new InvalidValueException(Optional.of(validUnitsHint(base.kind())));
        }
        return number * ((double) unit.get().factor() / base.factor());
    }

    /**
     * Reads {@code text} as a whole number of {@code baseUnit}s, rounding a converted value to the
     * nearest one.
     *
     * @throws InvalidValueException if the text is not such a number, or it exceeds a 64-bit integer
     */
    public static long toWholeBaseUnits(String text, Optional<SettingUnit> baseUnit) {
        double value = Math.rint(toBaseUnit(text, baseUnit, true));
        if (Double.isNaN(value) || value > Long.MAX_VALUE || value < Long.MIN_VALUE) {
            throw new InvalidValueException(Optional.of("Value exceeds integer range."));
        }
        return (long) value;
    }

    /** An integer in {@code baseUnit} as {@code SHOW} writes it: in the largest unit that holds it exactly. */
    public static String format(long value, Optional<SettingUnit> baseUnit) {
        if (baseUnit.isEmpty() || value <= 0) {
            return Long.toString(value);
        }
        SettingUnit base = baseUnit.get();
        List<SettingUnit> units = SettingUnit.of(base.kind());
        for (int i = units.size() - 1; i >= 0; i--) {
            SettingUnit unit = units.get(i);
            if (unit.factor() >= base.factor() && value % (unit.factor() / base.factor()) == 0) {
                return value / (unit.factor() / base.factor()) + unit.symbol();
            }
        }
        return value + base.symbol();
    }

    /** A real number as PostgreSQL's {@code %g} writes it closely enough: no exponent or trailing zeros where not needed. */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String plain = java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return plain.length() <= 17 ? plain : Double.toString(value);
    }

    /** PostgreSQL's hint for a unit it does not take. */
    public static String validUnitsHint(SettingUnit.Kind kind) {
        List<String> symbols = SettingUnit.of(kind).stream().map(u -> "\"" + u.symbol() + "\"").toList();
        return "Valid units for this parameter are "
                + symbols.subList(0, symbols.size() - 1).stream().collect(Collectors.joining(", "))
                + ", and " + symbols.getLast() + ".";
    }

    private static double number(String token, boolean integerSyntax) {
        String unsigned = token.startsWith("+") || token.startsWith("-") ? token.substring(1) : token;
        boolean negative = token.startsWith("-");
        if (unsigned.startsWith("0x") || unsigned.startsWith("0X")) {
            if (!integerSyntax) {
                throw new InvalidValueException(Optional.empty());
            }
            double hex = new java.math.BigInteger(unsigned.substring(2), 16).doubleValue();
            return negative ? -hex : hex;
        }
        if (integerSyntax && OCTAL.matcher(token).matches()) {
            double octal = new java.math.BigInteger(unsigned, 8).doubleValue();
            return negative ? -octal : octal;
        }
        if (integerSyntax && DECIMAL_INTEGER.matcher(token).matches() && unsigned.length() > 1 && unsigned.startsWith("0")) {
            // strtol reads a leading 0 as octal and stops at the first 8 or 9: the rest is not a unit.
            throw new InvalidValueException(Optional.empty());
        }
        return Double.parseDouble(token);
    }
}
