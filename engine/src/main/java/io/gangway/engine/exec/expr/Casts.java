package io.gangway.engine.exec.expr;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.api.TypeKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.UnaryOperator;

/** Conversions between SQL types, as PostgreSQL's casts do them. */
public final class Casts {
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    /** PostgreSQL converts float8 to numeric through DBL_DIG (15) significant digits. */
    private static final MathContext DBL_DIG = new MathContext(15, RoundingMode.HALF_EVEN);

    private Casts() {
    }

    /**
     * The conversion of non-null values from {@code from} to {@code to}, or {@code 42846} if
     * PostgreSQL has no such cast. Decided once per expression, applied per value.
     */
    public static UnaryOperator<Object> caster(SqlType from, SqlType to) {
        TypeKind source = from.kind() == TypeKind.UNKNOWN ? TypeKind.TEXT : from.kind();
        TypeKind target = to.kind() == TypeKind.UNKNOWN ? TypeKind.TEXT : to.kind();
        if (source == TypeKind.TEXT) {
            return v -> {
                Object parsed = to.parse((String) v);
                return parsed instanceof BigDecimal d ? normalize(d) : parsed;
            };
        }
        if (target == TypeKind.TEXT) {
            if (source == TypeKind.BOOLEAN) {
                // bool::text is 'true'/'false', unlike bool output ('t'/'f').
                return v -> to.coerceText(((Boolean) v) ? "true" : "false");
            }
            return v -> to.coerceText(from.format(v));
        }
        if (source.isNumeric() && target.isNumeric()) {
            return v -> toNumberKind((Number) v, to);
        }
        if (source == TypeKind.BOOLEAN && target == TypeKind.INTEGER) {
            return v -> ((Boolean) v) ? 1 : 0;
        }
        if (source == TypeKind.INTEGER && target == TypeKind.BOOLEAN) {
            return v -> ((Integer) v) != 0;
        }
        if (source == target) {
            return v -> v;
        }
        throw new SqlException(SqlState.CANNOT_COERCE,
                "cannot cast type " + from.displayName() + " to " + to.displayName());
    }

    /** A number converted to a numeric type, with PostgreSQL's rounding and range checks. */
    public static Object toNumberKind(Number value, SqlType to) {
        return switch (to.kind()) {
            case INTEGER -> toInt(value);
            case BIGINT -> toLong(value);
            case NUMERIC -> to.coerceNumeric(normalize(Values.toBigDecimal(value)));
            case DOUBLE -> value instanceof Double d ? d : toDouble(value);
            default -> throw new SqlException(SqlState.INTERNAL_ERROR, "not a numeric type: " + to);
        };
    }

    public static int toInt(Number value) {
        return switch (value) {
            case Integer i -> i;
            case Long l -> {
                if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                    throw Arithmetic.intOutOfRange();
                }
                yield (int) (long) l;
            }
            case Double d -> {
                double r = Math.rint(d);
                if (Double.isNaN(r) || r < Integer.MIN_VALUE || r > Integer.MAX_VALUE) {
                    throw Arithmetic.intOutOfRange();
                }
                yield (int) r;
            }
            default -> {
                BigDecimal r = Values.toBigDecimal(value).setScale(0, RoundingMode.HALF_UP);
                if (r.compareTo(INT_MIN) < 0 || r.compareTo(INT_MAX) > 0) {
                    throw Arithmetic.intOutOfRange();
                }
                yield r.intValueExact();
            }
        };
    }

    public static long toLong(Number value) {
        return switch (value) {
            case Integer i -> i.longValue();
            case Long l -> l;
            case Double d -> {
                double r = Math.rint(d);
                // 2^63 is exactly representable; every double below it fits a long.
                if (Double.isNaN(r) || r < -0x1p63 || r >= 0x1p63) {
                    throw Arithmetic.bigintOutOfRange();
                }
                yield (long) r;
            }
            default -> {
                BigDecimal r = Values.toBigDecimal(value).setScale(0, RoundingMode.HALF_UP);
                if (r.compareTo(LONG_MIN) < 0 || r.compareTo(LONG_MAX) > 0) {
                    throw Arithmetic.bigintOutOfRange();
                }
                yield r.longValueExact();
            }
        };
    }

    public static double toDouble(Number value) {
        return value.doubleValue();
    }

    /** float8 to numeric through 15 significant digits, as PostgreSQL's {@code float8_numeric}. */
    public static BigDecimal doubleToNumeric(double value) {
        if (Double.isNaN(value)) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "cannot convert NaN to numeric");
        }
        if (Double.isInfinite(value)) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "cannot convert infinity to numeric");
        }
        if (value == 0) {
            return BigDecimal.ZERO;
        }
        return normalize(new BigDecimal(value).round(DBL_DIG).stripTrailingZeros());
    }

    /** Numeric values never carry a negative scale (PostgreSQL's display scale is at least 0). */
    public static BigDecimal normalize(BigDecimal value) {
        return value.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value;
    }
}
