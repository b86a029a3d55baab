package io.gangway.planner;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.plan.Locus;
import io.gangway.spi.plan.PlanNode;
import io.gangway.spi.query.Expr;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A planned part of a query's FROM clause: a plan node and where each range-table column it
 * carries sits in that node's output row. It turns query-tree {@link Expr.ColumnRef}s into plan
 * {@link Expr.InputRef}s.
 *
 * @param node the plan producing the rows
 * @param columns (range-table entry, column) to output position
 */
record Rel(PlanNode node, Map<ColumnKey, Integer> columns) {
    /** A column of a range-table entry. */
    record ColumnKey(int rangeIndex, int column) {
    }

    Rel {
        requireNonNull(node, "node is null");
        columns = Map.copyOf(requireNonNull(columns, "columns is null"));
    }

    int width() {
        return node.outputTypes().size();
    }

    Locus locus() {
        return node.locus();
    }

    Rel withNode(PlanNode newNode) {
        return new Rel(newNode, columns);
    }

    /** An expression over this rel's output: column references become input references. */
    Expr toInput(Expr e) {
        return Exprs.rewrite(e, x -> {
            if (x instanceof Expr.ColumnRef ref) {
                Integer position = columns.get(new ColumnKey(ref.rangeIndex(), ref.column()));
                if (position == null) {
                    throw new SqlException(SqlState.INTERNAL_ERROR,
                            "column \"" + ref.name() + "\" is not available at this point of the plan");
                }
                return Optional.of(new Expr.InputRef(position, ref.type()));
            }
            if (x instanceof Expr.Aggregate) {
                throw new SqlException(SqlState.GROUPING_ERROR, "aggregate functions are not allowed here");
            }
            return Optional.empty();
        });
    }

    /** The rel of a join: this rel's columns, then {@code right}'s shifted past them. */
    static Map<ColumnKey, Integer> concat(Rel left, Rel right) {
        Map<ColumnKey, Integer> out = new HashMap<>(left.columns);
        int offset = left.width();
        right.columns.forEach((k, v) -> out.put(k, v + offset));
        return out;
    }
}
