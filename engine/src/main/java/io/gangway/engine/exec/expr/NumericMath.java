package io.gangway.engine.exec.expr;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numeric arithmetic with PostgreSQL's result scales. */
public final class NumericMath {
    /** PostgreSQL's NUMERIC_MIN_SIG_DIGITS: a quotient has at least this many significant digits. */
    private static final int MIN_SIG_DIGITS = 16;
    private static final int MAX_DISPLAY_SCALE = 1000;

    private NumericMath() {
    }

    /** {@code a / b} rounded half away from zero to PostgreSQL's {@code select_div_scale}. */
    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            throw divisionByZero();
        }
        return a.divide(b, divisionScale(a, b), RoundingMode.HALF_UP);
    }

    /**
     * PostgreSQL's {@code select_div_scale}: estimate the quotient's weight from the first base-10000
     * digits of both operands and keep {@value #MIN_SIG_DIGITS} significant digits, but never fewer
     * decimals than either operand has.
     */
    public static int divisionScale(BigDecimal a, BigDecimal b) {
        long[] wa = weightAndFirstDigit(a);
        long[] wb = weightAndFirstDigit(b);
        long qweight = wa[0] - wb[0];
        if (wa[1] <= wb[1]) {
            qweight--;
        }
        long rscale = MIN_SIG_DIGITS - qweight * 4;
        rscale = Math.max(rscale, Math.max(a.scale(), 0));
        rscale = Math.max(rscale, Math.max(b.scale(), 0));
        rscale = Math.max(rscale, 0);
        return (int) Math.min(rscale, MAX_DISPLAY_SCALE);
    }

    /** The weight (power of 10000) of the first non-zero base-10000 digit, and that digit; (0, 0) for zero. */
    private static long[] weightAndFirstDigit(BigDecimal value) {
        if (value.signum() == 0) {
            return new long[] {0, 0};
        }
        BigDecimal abs = value.abs();
        long exponent = (long) abs.precision() - abs.scale() - 1; // decimal exponent of the leading digit
        long weight = Math.floorDiv(exponent, 4);
        long digit = abs.movePointLeft((int) (weight * 4)).setScale(0, RoundingMode.DOWN).longValue();
        return new long[] {weight, digit};
    }

    /** {@code a % b}: the remainder of truncating division, with the larger operand scale. */
    public static BigDecimal modulo(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            throw divisionByZero();
        }
        BigDecimal remainder = a.remainder(b);
        return remainder.setScale(Math.max(Math.max(a.scale(), b.scale()), 0), RoundingMode.HALF_UP);
    }

    /** {@code round(value, digits)}: half away from zero; scale {@code max(digits, 0)}, as PostgreSQL. */
    public static BigDecimal round(BigDecimal value, int digits) {
        BigDecimal rounded = value.setScale(digits, RoundingMode.HALF_UP);
        return digits >= 0 ? rounded : rounded.setScale(0, RoundingMode.HALF_UP);
    }

    public static SqlException divisionByZero() {
        return new SqlException(SqlState.DIVISION_BY_ZERO, "division by zero");
    }
}
