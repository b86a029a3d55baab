package io.gangway.engine.exec.operator;

import io.gangway.api.SqlType;
import io.gangway.api.TypeKind;
import io.gangway.engine.exec.expr.Casts;
import io.gangway.engine.exec.expr.NumericMath;
import io.gangway.engine.exec.expr.Values;
import io.gangway.spi.plan.AggregateCall;
import io.gangway.spi.plan.AggregateStage;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The state of one aggregate in one group. {@link #add} takes input values ({@code SINGLE},
 * {@code PARTIAL}); {@link #combine} takes a partial state ({@code FINAL}). Empty groups give NULL,
 * except counts, which give 0.
 */
final class AggregateState {
    private final AggregateCall call;
    private final SumAccumulator sum = new SumAccumulator();
    private final Set<Object> seen;
    private long count;
    private Object extreme;

    AggregateState(AggregateCall call, AggregateStage stage) {
        this.call = call;
        this.seen = call.distinct() && stage != AggregateStage.FINAL ? new HashSet<>() : null;
    }

    /** One input row's argument value ({@code null} for count(*), whose rows all count). */
    void add(Object value) {
        switch (call.function()) {
            case COUNT_STAR -> count++;
            case COUNT -> {
                if (value != null && firstTime(value)) {
                    count++;
                }
            }
            case SUM, AVG -> {
                if (value != null && firstTime(value)) {
                    sum.add(value);
                    count++;
                }
            }
            case MIN, MAX -> {
                if (value != null) {
                    keepExtreme(value);
                }
            }
        }
    }

    /** One partial state: {@code value} is its first column, {@code partialCount} the second (avg's count). */
    void combine(Object value, Object partialCount) {
        switch (call.function()) {
            case COUNT_STAR, COUNT -> {
                if (value != null) {
                    count += (Long) value;
                }
            }
            case SUM -> {
                if (value != null) {
                    sum.add(value);
                }
            }
            case AVG -> {
                if (value != null) {
                    sum.add(value);
                }
                if (partialCount != null) {
                    count += (Long) partialCount;
                }
            }
            case MIN, MAX -> {
                if (value != null) {
                    keepExtreme(value);
                }
            }
        }
    }

    private boolean firstTime(Object value) {
        return seen == null || seen.add(Values.hashKey(value));
    }

    private void keepExtreme(Object value) {
        if (extreme == null) {
            extreme = value;
            return;
        }
        int c = Values.compare(value, extreme);
        if (call.function() == io.gangway.spi.query.AggregateFunction.MIN ? c < 0 : c > 0) {
            extreme = value;
        }
    }

    /** The final value, of the call's result type. */
    Object result() {
        SqlType type = call.resultType();
        return switch (call.function()) {
            case COUNT_STAR, COUNT -> Casts.toNumberKind(count, type);
            case SUM -> sum.isEmpty() ? null : Casts.toNumberKind(sum.result(), type);
            case AVG -> average(type);
            case MIN, MAX -> extreme;
        };
    }

    private Object average(SqlType type) {
        if (count == 0 || sum.isEmpty()) {
            return null;
        }
        if (type.kind() == TypeKind.DOUBLE) {
            return sum.result().doubleValue() / count;
        }
        return Casts.toNumberKind(NumericMath.divide(sum.decimalResult(), BigDecimal.valueOf(count)), type);
    }

    /** The partial state columns, of {@link AggregateCall#partialTypes()}. */
    void writePartial(List<Object> out) {
        List<SqlType> types = call.partialTypes();
        switch (call.function()) {
            case COUNT_STAR, COUNT -> out.add(count);
            case SUM -> out.add(sum.isEmpty() ? null : Casts.toNumberKind(sum.result(), types.get(0)));
            case AVG -> {
                out.add(sum.isEmpty() ? null : Casts.toNumberKind(sum.result(), types.get(0)));
                out.add(count);
            }
            case MIN, MAX -> out.add(extreme);
        }
    }
}
