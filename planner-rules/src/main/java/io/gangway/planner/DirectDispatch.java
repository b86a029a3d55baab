package io.gangway.planner;

import io.gangway.api.DistributionHash;
import io.gangway.api.SqlType;
import io.gangway.api.TypeKind;
import io.gangway.spi.catalog.DistributionPolicy;
import io.gangway.spi.plan.PlanNode;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.ScalarFunction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Direct dispatch (Greenplum's {@code DirectDispatchInfo}): finds the one segment a slice needs
 * when every row it can read lives there. That holds when each scan of a hash-distributed table in
 * the slice has, among its filter's conjuncts, equality of every distribution-key column with a
 * constant, and those constants all hash to the same segment — computed exactly as rows are placed
 * ({@link DistributionHash#segmentFor}). Scans of replicated tables have every row on that segment
 * too. On every other segment such a slice reads no row, so running it there adds nothing.
 *
 * <p>A slice that receives from a motion, reads a random table or {@code VALUES}, or has a scan
 * whose key is not fully pinned (a NULL, an unconvertible or a contradictory constant included) is
 * dispatched as usual.
 */
final class DirectDispatch {
    private DirectDispatch() {
    }

    /** The content a slice's gang may be narrowed to; {@code body} is the slice's plan below its sending motion. */
    static OptionalInt content(PlanNode body) {
        Set<Integer> pinned = new TreeSet<>();
        List<PlanNode.SeqScan> replicated = new ArrayList<>();
        if (!collect(body, pinned, replicated) || pinned.size() != 1) {
            return OptionalInt.empty();
        }
        int content = pinned.iterator().next();
        // A replicated table narrower than the cluster may not have a copy on that content.
        boolean covered = replicated.stream().allMatch(s -> content < s.table().distribution().numSegments());
        return covered ? OptionalInt.of(content) : OptionalInt.empty();
    }

    /** Walks one slice (not past motions); false when some input rules direct dispatch out. */
    private static boolean collect(PlanNode node, Set<Integer> pinned, List<PlanNode.SeqScan> replicated) {
        switch (node) {
            case PlanNode.Motion m -> {
                // Rows received from another slice may come from any segment.
                return false;
            }
            case PlanNode.Values v -> {
                return false;
            }
            case PlanNode.SeqScan scan -> {
                switch (scan.table().distribution()) {
                    case DistributionPolicy.Hashed h -> {
                        OptionalInt content = pinnedContent(scan, h);
                        if (content.isEmpty()) {
                            return false;
                        }
                        pinned.add(content.getAsInt());
                        return true;
                    }
                    case DistributionPolicy.Replicated r -> {
                        replicated.add(scan);
                        return true;
                    }
                    case DistributionPolicy.Random r -> {
                        return false;
                    }
                }
            }
            case PlanNode.Project p -> {
                return collect(p.input(), pinned, replicated);
            }
            case PlanNode.Filter f -> {
                return collect(f.input(), pinned, replicated);
            }
            case PlanNode.HashJoin j -> {
                return collect(j.left(), pinned, replicated) && collect(j.right(), pinned, replicated);
            }
            case PlanNode.NestedLoopJoin j -> {
                return collect(j.left(), pinned, replicated) && collect(j.right(), pinned, replicated);
            }
            case PlanNode.Aggregate a -> {
                return collect(a.input(), pinned, replicated);
            }
            case PlanNode.Sort s -> {
                return collect(s.input(), pinned, replicated);
            }
            case PlanNode.Limit l -> {
                return collect(l.input(), pinned, replicated);
            }
            case PlanNode.Insert i -> {
                return collect(i.input(), pinned, replicated);
            }
        }
    }

    /** The segment holding every row of {@code scan} that passes its filter, if its key is pinned. */
    static OptionalInt pinnedContent(PlanNode.SeqScan scan, DistributionPolicy.Hashed policy) {
        if (scan.filter().isEmpty()) {
            return OptionalInt.empty();
        }
        // table column -> the constant it must equal (null when two conjuncts disagree)
        Map<Integer, Object> values = new HashMap<>();
        Set<Integer> contradicted = new TreeSet<>();
        for (Expr conjunct : Exprs.conjuncts(scan.filter().get())) {
            keyEquality(scan, conjunct).ifPresent(eq -> {
                Object previous = values.putIfAbsent(eq.column(), eq.value());
                if (previous != null && !sameValue(previous, eq.value())) {
                    contradicted.add(eq.column());
                }
            });
        }
        List<Object> keyValues = new ArrayList<>();
        for (int keyColumn : policy.keyColumns()) {
            Object value = values.get(keyColumn);
            if (value == null || contradicted.contains(keyColumn)) {
                return OptionalInt.empty();
            }
            keyValues.add(value);
        }
        return OptionalInt.of(DistributionHash.segmentFor(DistributionHash.hash(keyValues), policy.numSegments()));
    }

    /** A table column equal to a non-null constant, the constant in the column's Java type. */
    private record KeyEquality(int column, Object value) {
    }

    private static Optional<KeyEquality> keyEquality(PlanNode.SeqScan scan, Expr conjunct) {
        if (!(conjunct instanceof Expr.Call call) || call.function() != ScalarFunction.EQUAL
                || call.arguments().size() != 2) {
            return Optional.empty();
        }
        Expr a = call.arguments().get(0);
        Expr b = call.arguments().get(1);
        Optional<KeyEquality> found = keyEquality(scan, a, b);
        return found.isPresent() ? found : keyEquality(scan, b, a);
    }

    private static Optional<KeyEquality> keyEquality(PlanNode.SeqScan scan, Expr columnSide, Expr constantSide) {
        Optional<Integer> position = columnPosition(columnSide);
        if (position.isEmpty() || !(constantSide instanceof Expr.Constant constant) || constant.value() == null) {
            return Optional.empty();
        }
        int column = scan.columns().get(position.get());
        SqlType columnType = scan.table().columns().get(column).type();
        return toColumnValue(constant.value(), constant.type(), columnType).map(v -> new KeyEquality(column, v));
    }

    /**
     * The scan output position a comparison side reads: a bare column, or a column widened by an
     * exact numeric cast (integer to bigint or numeric), which keeps equality and — since equal
     * exact numbers hash alike — placement. A cast to double precision does not: many bigint or
     * numeric values round to the same double.
     */
    private static Optional<Integer> columnPosition(Expr e) {
        if (e instanceof Expr.InputRef ref) {
            return Optional.of(ref.index());
        }
        if (e instanceof Expr.Call call && call.function() == ScalarFunction.CAST && call.arguments().size() == 1
                && call.arguments().getFirst() instanceof Expr.InputRef ref
                && exactNumber(ref.type().kind()) && exactNumber(call.type().kind())
                && rank(call.type().kind()) >= rank(ref.type().kind())) {
            return Optional.of(ref.index());
        }
        return Optional.empty();
    }

    /**
     * A constant as the Java value the column would hold, as the executor's INSERT routing hashes
     * it; empty when it has no such value (no row can then match, but we keep it simple).
     */
    static Optional<Object> toColumnValue(Object value, SqlType constantType, SqlType columnType) {
        TypeKind from = constantType.kind();
        TypeKind to = columnType.kind();
        if (from == to || (to == TypeKind.TEXT && from == TypeKind.UNKNOWN)) {
            return columnType.kind().javaClass().isInstance(value) ? Optional.of(value) : Optional.empty();
        }
        if (exactNumber(from) && exactNumber(to)) {
            BigDecimal decimal = value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue());
            try {
                return Optional.of(switch (to) {
                    case INTEGER -> decimal.intValueExact();
                    case BIGINT -> decimal.longValueExact();
                    default -> decimal;
                });
            } catch (ArithmeticException notAnInteger) {
                // 1.5 = an integer column: no row matches; leave the plan as it is.
                return Optional.empty();
            }
        }
        if ((from == TypeKind.UNKNOWN || from == TypeKind.TEXT) && value instanceof String text) {
            try {
                return Optional.of(columnType.parse(text));
            } catch (RuntimeException malformed) {
                // The executor reports the bad literal; the planner just does not narrow the gang.
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return a.equals(b);
    }

    private static boolean exactNumber(TypeKind kind) {
        return kind == TypeKind.INTEGER || kind == TypeKind.BIGINT || kind == TypeKind.NUMERIC;
    }

    private static int rank(TypeKind kind) {
        return switch (kind) {
            case INTEGER -> 1;
            case BIGINT -> 2;
            case NUMERIC -> 3;
            case DOUBLE, BOOLEAN, TEXT, DATE, UNKNOWN -> 0;
        };
    }
}
