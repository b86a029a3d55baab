package io.gangway.spi.plan;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlType;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.FromNode.JoinType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A physical plan node. Each says what it outputs ({@link #outputTypes()}, a row of columns by
 * position) and where its rows live ({@link #locus()}). Expressions in a node refer to its input
 * by {@link Expr.InputRef}; for a join the input row is the left (outer) columns followed by the
 * right (inner) ones.
 *
 * <p>A {@link Motion} ends a slice: its input subtree runs in the sending slice
 * {@link Motion#sendingSlice()}, its output is read in the slice above it.
 */
public sealed interface PlanNode {
    Locus locus();

    List<SqlType> outputTypes();

    List<PlanNode> inputs();

    /** Scans a stored table, keeping {@code columns} (table column indexes) and rows passing {@code filter} (over those columns). */
    record SeqScan(TableDescriptor table, String alias, List<Integer> columns, Optional<Expr> filter, Locus locus)
            implements PlanNode {
        public SeqScan {
            requireNonNull(table, "table is null");
            requireNonNull(alias, "alias is null");
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
            requireNonNull(filter, "filter is null");
            requireNonNull(locus, "locus is null");
        }

        @Override
        public List<SqlType> outputTypes() {
            return columns.stream().map(c -> table.columns().get(c).type()).toList();
        }

        @Override
        public List<PlanNode> inputs() {
            return List.of();
        }
    }

    /** Rows of constant expressions. */
    record Values(List<SqlType> types, List<List<Expr>> rows, Locus locus) implements PlanNode {
        public Values {
            types = List.copyOf(requireNonNull(types, "types is null"));
            rows = requireNonNull(rows, "rows is null").stream().map(List::copyOf).toList();
            requireNonNull(locus, "locus is null");
        }

        @Override
        public List<SqlType> outputTypes() {
            return types;
        }

        @Override
        public List<PlanNode> inputs() {
            return List.of();
        }
    }

    /** Computes one output column per expression over each input row. */
    record Project(PlanNode input, List<Expr> expressions, Locus locus) implements PlanNode {
        public Project {
            requireNonNull(input, "input is null");
            expressions = List.copyOf(requireNonNull(expressions, "expressions is null"));
            requireNonNull(locus, "locus is null");
        }

        @Override
        public List<SqlType> outputTypes() {
            return expressions.stream().map(Expr::type).toList();
        }

        @Override
        public List<PlanNode> inputs() {
            return List.of(input);
        }
    }

    /** Keeps the input rows for which the predicate is true. */
    record Filter(PlanNode input, Expr predicate, Locus locus) implements PlanNode {
        public Filter {
            requireNonNull(input, "input is null");
            requireNonNull(predicate, "predicate is null");
            requireNonNull(locus, "locus is null");
        }

        @Override
        public List<SqlType> outputTypes() {
            return input.outputTypes();
        }

        @Override
        public List<PlanNode> inputs() {
            return List.of(input);
        }
    }

    /**
     * Hash join: builds a hash table on {@code right} keyed by {@code rightKeys}, probes it with each
     * {@code left} row's {@code leftKeys}; {@code residual} (over left ++ right columns) filters matches.
     * Output: left columns, then right columns.
     */
    record HashJoin(
            JoinType joinType,
            PlanNode left,
            PlanNode right,
            List<Expr> leftKeys,
            List<Expr> rightKeys,
            Optional<Expr> residual,
            Locus locus) implements PlanNode {
        public HashJoin {
            requireNonNull(joinType, "joinType is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
            leftKeys = List.copyOf(requireNonNull(leftKeys, "leftKeys is null"));
            rightKeys = List.copyOf(requireNonNull(rightKeys, "rightKeys is null"));
            if (leftKeys.size() != rightKeys.size() || leftKeys.isEmpty()) {
                throw new IllegalArgumentException("a hash join has as many left keys as right keys, at least one");
            }
            requireNonNull(residual, "residual is null");
            requireNonNull(locus, "locus is null");
        }

        @Override
        public List<SqlType> outputTypes() {
            return concat(left.outputTypes(), right.outputTypes());
        }

        @Override
        public List<PlanNode> inputs() {
            return List.of(left, right);
        }
    }

    /** Nested-loop join for conditions without equality keys; output as for {@link HashJoin}. */
    record NestedLoopJoin(JoinType joinType, PlanNode left, PlanNode right, Optional<Expr> condition, Locus locus)
            implements PlanNode {
        public NestedLoopJoin {
            requireNonNull(joinType, "joinType is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
            requireNonNull(condition, "condition is null");
            requireNonNull(locus, "locus is null");
        }

        @Override
        public List<SqlType> outputTypes() {
            return concat(left.outputTypes(), right.outputTypes());
        }

        @Override
        public List<PlanNode> inputs() {
            return List.of(left, right);
        }
    }

    /**
     * Hash aggregation. Output: the group keys, then per aggregate its result ({@code SINGLE},
     * {@code FINAL}) or its partial state columns ({@code PARTIAL}). With no group keys it outputs
     * exactly one row, even for empty input ({@code SINGLE}, {@code FINAL}).
     */
    record Aggregate(PlanNode input, AggregateStage stage, List<Expr> groupKeys, List<AggregateCall> aggregates, Locus locus)
            implements PlanNode {
        public Aggregate {
            requireNonNull(input, "input is null");
            requireNonNull(stage, "stage is null");
            groupKeys = List.copyOf(requireNonNull(groupKeys, "groupKeys is null"));
            aggregates = List.copyOf(requireNonNull(aggregates, "aggregates is null"));
            requireNonNull(locus, "locus is null");
        }

        @Override
        public List<SqlType> outputTypes() {
            List<SqlType> types = new ArrayList<>(groupKeys.stream().map(Expr::type).toList());
            for (AggregateCall call : aggregates) {
                if (stage == AggregateStage.PARTIAL) {
                    types.addAll(call.partialTypes());
                } else {
                    types.add(call.resultType());
                }
            }
            return List.copyOf(types);
        }

        @Override
        public List<PlanNode> inputs() {
            return List.of(input);
        }
    }

    /** Sorts its input. */
    record Sort(PlanNode input, List<SortKey> keys, Locus locus) implements PlanNode {
        public Sort {
            requireNonNull(input, "input is null");
            keys = List.copyOf(requireNonNull(keys, "keys is null"));
            requireNonNull(locus, "locus is null");
        }

        @Override
        public List<SqlType> outputTypes() {
            return input.outputTypes();
        }

        @Override
        public List<PlanNode> inputs() {
            return List.of(input);
        }
    }

    /** Skips {@code offset} rows, then passes at most {@code count} rows (all if empty). */
    record Limit(PlanNode input, OptionalLong count, long offset, Locus locus) implements PlanNode {
        public Limit {
            requireNonNull(input, "input is null");
            requireNonNull(count, "count is null");
            requireNonNull(locus, "locus is null");
        }

        @Override
        public List<SqlType> outputTypes() {
            return input.outputTypes();
        }

        @Override
        public List<PlanNode> inputs() {
            return List.of(input);
        }
    }

    /**
     * Moves rows between slices. The input runs in {@code sendingSlice}; this node's output is read
     * by the slice above. {@code hashColumns} are the input columns a REDISTRIBUTE hashes (an EXPLICIT
     * motion's single column holds the target content); {@code mergeKeys} make a GATHER merge
     * sorted streams. {@code locus} is where rows are after the motion.
     */
    record Motion(MotionKind kind, PlanNode input, List<Integer> hashColumns, List<SortKey> mergeKeys, int sendingSlice,
            Locus locus) implements PlanNode {
        public Motion {
            requireNonNull(kind, "kind is null");
            requireNonNull(input, "input is null");
            hashColumns = List.copyOf(requireNonNull(hashColumns, "hashColumns is null"));
            mergeKeys = List.copyOf(requireNonNull(mergeKeys, "mergeKeys is null"));
            requireNonNull(locus, "locus is null");
        }

        @Override
        public List<SqlType> outputTypes() {
            return input.outputTypes();
        }

        @Override
        public List<PlanNode> inputs() {
            return List.of(input);
        }
    }

    /** Inserts its input rows (one per table column, in table order) into a table; outputs one bigint: the rows inserted. */
    record Insert(PlanNode input, TableDescriptor table, Locus locus) implements PlanNode {
        public Insert {
            requireNonNull(input, "input is null");
            requireNonNull(table, "table is null");
            requireNonNull(locus, "locus is null");
        }

        @Override
        public List<SqlType> outputTypes() {
            return List.of(SqlType.BIGINT);
        }

        @Override
        public List<PlanNode> inputs() {
            return List.of(input);
        }
    }

    private static List<SqlType> concat(List<SqlType> a, List<SqlType> b) {
        List<SqlType> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
