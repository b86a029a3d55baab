package io.gangway.api;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A SQL type: its kind and, for {@code numeric(p, s)} and {@code varchar(n)}, its modifiers
 * ({@code precision} and {@code scale}; {@code -1} where none was given). Values of a type are
 * held in the Java class its {@link TypeKind} names; {@code null} is SQL NULL.
 */
public record SqlType(TypeKind kind, int precision, int scale) {
    public static final SqlType BOOLEAN = new SqlType(TypeKind.BOOLEAN, -1, -1);
    public static final SqlType INTEGER = new SqlType(TypeKind.INTEGER, -1, -1);
    public static final SqlType BIGINT = new SqlType(TypeKind.BIGINT, -1, -1);
    public static final SqlType NUMERIC = new SqlType(TypeKind.NUMERIC, -1, -1);
    public static final SqlType DOUBLE = new SqlType(TypeKind.DOUBLE, -1, -1);
    public static final SqlType TEXT = new SqlType(TypeKind.TEXT, -1, -1);
    public static final SqlType DATE = new SqlType(TypeKind.DATE, -1, -1);
    public static final SqlType UNKNOWN = new SqlType(TypeKind.UNKNOWN, -1, -1);

    public SqlType {
        requireNonNull(kind, "kind is null");
    }

    public static SqlType numeric(int precision, int scale) {
        if (precision < 1 || precision > 1000) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                    "NUMERIC precision " + precision + " must be between 1 and 1000");
        }
        if (scale < 0 || scale > precision) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                    "NUMERIC scale " + scale + " must be between 0 and precision " + precision);
        }
        return new SqlType(TypeKind.NUMERIC, precision, scale);
    }

    /** {@code varchar(n)}: text with a length limit. */
    public static SqlType varchar(int length) {
        return new SqlType(TypeKind.TEXT, length, -1);
    }

    /** The PostgreSQL type OID of this type, for the wire protocol (varchar reports 1043). */
    public int oid() {
        return kind == TypeKind.TEXT && precision >= 0 ? 1043 : kind.oid();
    }

    /** Byte size in a RowDescription: fixed-width types report their width, others -1. */
    public int wireSize() {
        return switch (kind) {
            case BOOLEAN -> 1;
            case INTEGER, DATE -> 4;
            case BIGINT, DOUBLE -> 8;
            case NUMERIC, TEXT, UNKNOWN -> -1;
        };
    }

    /** The type modifier of a RowDescription ({@code atttypmod}), as PostgreSQL encodes it. */
    public int typeModifier() {
        if (kind == TypeKind.NUMERIC && precision > 0) {
            return ((precision << 16) | scale) + 4;
        }
        if (kind == TypeKind.TEXT && precision >= 0) {
            return precision + 4;
        }
        return -1;
    }

    /** The type as PostgreSQL's {@code format_type} spells it: {@code numeric(12,2)}, {@code integer}. */
    public String displayName() {
        if (kind == TypeKind.NUMERIC && precision > 0) {
            return "numeric(" + precision + "," + scale + ")";
        }
        if (kind == TypeKind.TEXT && precision >= 0) {
            return "character varying(" + precision + ")";
        }
        return kind.sqlName();
    }

    @Override
    public String toString() {
        return displayName();
    }

    /** A value of this type in PostgreSQL's text output format ({@code t}/{@code f}, ISO dates). */
    public String format(Object value) {
        requireNonNull(value, "value is null");
        return switch (kind) {
            case BOOLEAN -> ((Boolean) value) ? "t" : "f";
            case INTEGER, BIGINT, TEXT, UNKNOWN, DATE -> value.toString();
            case NUMERIC -> ((BigDecimal) value).toPlainString();
            case DOUBLE -> formatDouble((Double) value);
        };
    }

    private static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d).replace("E", "e+").replace("e+-", "e-");
    }

    /**
     * Reads a value of this type from PostgreSQL's text input format, as a cast from text or a
     * bound parameter does; malformed input is SQLSTATE 22P02 with PostgreSQL's message.
     */
    public Object parse(String text) {
        requireNonNull(text, "text is null");
        String s = text.strip();
        try {
            return switch (kind) {
                case BOOLEAN -> parseBoolean(s);
                case INTEGER -> Integer.parseInt(s);
                case BIGINT -> Long.parseLong(s);
                case NUMERIC -> coerceNumeric(new BigDecimal(s));
                case DOUBLE -> parseDouble(s);
                case TEXT, UNKNOWN -> coerceText(text);
                case DATE -> LocalDate.parse(s);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            if (kind == TypeKind.INTEGER && s.matches("[+-]?\\d+")) {
                throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                        "value \"" + s + "\" is out of range for type integer");
            }
            if (kind == TypeKind.DATE) {
                throw new SqlException(SqlState.INVALID_DATETIME_FORMAT,
                        "invalid input syntax for type date: \"" + text + "\"");
            }
            throw new SqlException(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type " + kind.sqlName() + ": \"" + text + "\"");
        }
    }

    private static Boolean parseBoolean(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "t", "true", "yes", "y", "on", "1" -> Boolean.TRUE;
            case "f", "false", "no", "n", "off", "0" -> Boolean.FALSE;
            default -> throw new SqlException(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type boolean: \"" + s + "\"");
        };
    }

    private static Double parseDouble(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "infinity", "+infinity", "inf" -> Double.POSITIVE_INFINITY;
            case "-infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    /**
     * A numeric value fitted to this type's precision and scale: rounded half away from zero to the
     * scale, as PostgreSQL does, and refused with 22003 when too many digits remain.
     */
    public BigDecimal coerceNumeric(BigDecimal value) {
        if (kind != TypeKind.NUMERIC || precision < 0) {
            return value;
        }
        BigDecimal scaled = value.setScale(scale, RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > precision - scale) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow",
                    java.util.Optional.of("A field with precision " + precision + ", scale " + scale
                            + " must round to an absolute value less than 10^" + (precision - scale) + "."),
                    java.util.Optional.empty(), java.util.OptionalInt.empty(), null);
        }
        return scaled;
    }

    /** A text value fitted to {@code varchar(n)}: longer values are refused with 22001. */
    public String coerceText(String value) {
        if (precision >= 0 && value.codePointCount(0, value.length()) > precision) {
            throw new SqlException(SqlState.STRING_DATA_RIGHT_TRUNCATION,
                    "value too long for type character varying(" + precision + ")");
        }
        return value;
    }
}
