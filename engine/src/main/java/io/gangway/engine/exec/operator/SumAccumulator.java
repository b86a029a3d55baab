package io.gangway.engine.exec.operator;

import io.gangway.engine.exec.expr.Values;
import java.math.BigDecimal;

/**
 * A running sum of integers, numerics or doubles: integers add in a {@code long} and move to
 * {@link BigDecimal} on overflow (sum(bigint) is numeric in PostgreSQL), numerics add exactly
 * (the scale is the largest input scale), doubles add as doubles.
 */
final class SumAccumulator {
    private long longSum;
    private BigDecimal decimalSum;
    private double doubleSum;
    private boolean isDouble;
    private boolean any;

    void add(Object value) {
        any = true;
        switch (value) {
            case Integer i -> addLong(i);
            case Long l -> addLong(l);
            case BigDecimal d -> decimalSum = decimalSum == null ? d : decimalSum.add(d);
            case Double d -> {
                isDouble = true;
                doubleSum += d;
            }
            default -> throw new IllegalArgumentException("cannot sum " + value.getClass().getSimpleName());
        }
    }

    private void addLong(long value) {
        try {
            longSum = Math.addExact(longSum, value);
        } catch (ArithmeticException e) {
            BigDecimal spill = BigDecimal.valueOf(longSum).add(BigDecimal.valueOf(value));
            decimalSum = decimalSum == null ? spill : decimalSum.add(spill);
            longSum = 0;
        }
    }

    boolean isEmpty() {
        return !any;
    }

    /** The sum: a Double if any double was added, else a Long if it fits, else a BigDecimal; null if empty. */
    Number result() {
        if (!any) {
            return null;
        }
        if (isDouble) {
            return doubleSum + (decimalSum == null ? 0.0 : decimalSum.doubleValue()) + longSum;
        }
        if (decimalSum == null) {
            return longSum;
        }
        return decimalSum.add(BigDecimal.valueOf(longSum));
    }

    BigDecimal decimalResult() {
        Number r = result();
        return r == null ? null : Values.toBigDecimal(r);
    }
}
