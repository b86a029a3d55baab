package io.gangway.engine.exec.expr;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;

/** Comparison and hashing of SQL values held as their Java classes. */
public final class Values {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private Values() {
    }

    /**
     * Orders two non-null values of one type as PostgreSQL does: numbers by value (numeric ignores
     * scale, NaN sorts above every other double, -0.0 equals 0.0), text by code point (C collation),
     * false before true, dates by day. Values of different numeric classes compare by value.
     */
    public static int compare(Object a, Object b) {
        if (a.getClass() == b.getClass()) {
            return switch (a) {
                case Integer i -> Integer.compare(i, (Integer) b);
                case Long l -> Long.compare(l, (Long) b);
                case BigDecimal d -> d.compareTo((BigDecimal) b);
                case Double d -> compareDoubles(d, (Double) b);
                case String s -> compareText(s, (String) b);
                case Boolean x -> Boolean.compare(x, (Boolean) b);
                case LocalDate d -> d.compareTo((LocalDate) b);
                default -> throw incomparable(a, b);
            };
        }
        if (a instanceof Number x && b instanceof Number y) {
            if (x instanceof Double || y instanceof Double) {
                return compareDoubles(x.doubleValue(), y.doubleValue());
            }
            return toBigDecimal(x).compareTo(toBigDecimal(y));
        }
        throw incomparable(a, b);
    }

    /** SQL equality of two non-null values. */
    public static boolean equal(Object a, Object b) {
        return compare(a, b) == 0;
    }

    private static int compareDoubles(double x, double y) {
        return x == y ? 0 : Double.compare(x, y);
    }

    /** Compares text by Unicode code point, as the C collation (UTF-8 byte order) does. */
    public static int compareText(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // Surrogates (code points above U+FFFF) sort after every BMP char in code point order.
                boolean xs = Character.isSurrogate(x);
                boolean ys = Character.isSurrogate(y);
                if (xs != ys) {
                    return xs ? 1 : -1;
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /**
     * A value with the equality and hash code of SQL equality, for hash tables (GROUP BY,
     * DISTINCT, hash join): numbers of equal value map to one key whatever their class or scale.
     */
    public static Object hashKey(Object value) {
        return switch (value) {
            case null -> null;
            case Integer i -> i.longValue();
            case BigDecimal d -> decimalKey(d);
            case Double d -> d == 0.0 ? 0.0 : (Double.isNaN(d) ? Double.NaN : d);
            default -> value;
        };
    }

    private static Object decimalKey(BigDecimal d) {
        if (d.signum() == 0) {
            return 0L;
        }
        BigDecimal stripped = d.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.compareTo(LONG_MIN) >= 0 && stripped.compareTo(LONG_MAX) <= 0) {
            return stripped.longValueExact();
        }
        return stripped;
    }

    public static BigDecimal toBigDecimal(Number n) {
        return switch (n) {
            case BigDecimal d -> d;
            case Integer i -> BigDecimal.valueOf(i.longValue());
            case Long l -> BigDecimal.valueOf(l);
            case BigInteger b -> new BigDecimal(b);
            default -> Casts.doubleToNumeric(n.doubleValue());
        };
    }

    private static SqlException incomparable(Object a, Object b) {
        return new SqlException(SqlState.INTERNAL_ERROR,
                "cannot compare " + a.getClass().getSimpleName() + " with " + b.getClass().getSimpleName());
    }
}
