package io.gangway.planner;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.plan.Locus;
import io.gangway.spi.plan.PlanNode;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.FromNode;
import io.gangway.spi.query.FromNode.JoinType;
import io.gangway.spi.query.Query;
import io.gangway.spi.query.RangeTableEntry;
import io.gangway.spi.query.ScalarFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans a query's FROM clause with its WHERE: scans with the columns the query needs, joins with
 * their motions, and each WHERE or ON conjunct as low as it may go (into a scan's filter, a join's
 * condition, or a filter above an outer join).
 */
final class FromPlanner {
    private final Query query;
    private final Set<Rel.ColumnKey> needed;
    private final QueryPlanner subqueryPlanner;
    private final int segmentCount;

    FromPlanner(Query query, Set<Rel.ColumnKey> needed, QueryPlanner subqueryPlanner, int segmentCount) {
        this.query = query;
        this.needed = needed;
        this.subqueryPlanner = subqueryPlanner;
        this.segmentCount = segmentCount;
    }

    /** The FROM clause filtered by the WHERE clause. */
    Rel plan(FromNode from) {
        List<Expr> where = query.where().map(Exprs::conjuncts).orElse(List.of());
        return plan(from, where);
    }

    /** Plans a node; {@code incoming} are conjuncts over its output that it may apply as low as it likes. */
    private Rel plan(FromNode node, List<Expr> incoming) {
        return switch (node) {
            case FromNode.RangeRef ref -> planLeaf(ref.rangeIndex(), incoming);
            case FromNode.Join join -> planJoin(join, incoming);
        };
    }

    private Rel planJoin(FromNode.Join join, List<Expr> incoming) {
        Set<Integer> leftRanges = ranges(join.left());
        Set<Integer> rightRanges = ranges(join.right());
        List<Expr> own = join.condition().map(Exprs::conjuncts).orElse(List.of());
        List<Expr> toLeft = new ArrayList<>();
        List<Expr> toRight = new ArrayList<>();
        List<Expr> condition = new ArrayList<>();
        List<Expr> above = new ArrayList<>();
        switch (join.type()) {
            case INNER, CROSS -> {
                List<Expr> all = new ArrayList<>(incoming);
                all.addAll(own);
                for (Expr e : all) {
                    Set<Integer> refs = Exprs.rangeRefs(e);
                    if (leftRanges.containsAll(refs)) {
                        toLeft.add(e);
                    } else if (rightRanges.containsAll(refs)) {
                        toRight.add(e);
                    } else {
                        condition.add(e);
                    }
                }
            }
            case LEFT -> {
                // WHERE conjuncts may filter the preserved side early, never the nullable one.
                for (Expr e : incoming) {
                    (leftRanges.containsAll(Exprs.rangeRefs(e)) ? toLeft : above).add(e);
                }
                // ON conjuncts may filter the nullable side early, never the preserved one.
                for (Expr e : own) {
                    Set<Integer> refs = Exprs.rangeRefs(e);
                    (!refs.isEmpty() && rightRanges.containsAll(refs) ? toRight : condition).add(e);
                }
            }
            case RIGHT, FULL -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                    join.type().name() + " JOIN is not supported");
        }
        Rel left = plan(join.left(), toLeft);
        Rel right = plan(join.right(), toRight);
        Rel joined = join(join.type() == JoinType.LEFT ? JoinType.LEFT : JoinType.INNER, left, right, leftRanges,
                rightRanges, condition);
        return filter(joined, above);
    }

    private Rel join(JoinType type, Rel left, Rel right, Set<Integer> leftRanges, Set<Integer> rightRanges,
            List<Expr> condition) {
        List<Expr> leftKeys = new ArrayList<>();
        List<Expr> rightKeys = new ArrayList<>();
        List<Expr> residual = new ArrayList<>();
        for (Expr e : condition) {
            if (e instanceof Expr.Call call && call.function() == ScalarFunction.EQUAL) {
                Expr a = call.arguments().get(0);
                Expr b = call.arguments().get(1);
                if (within(a, leftRanges) && within(b, rightRanges)) {
                    leftKeys.add(left.toInput(a));
                    rightKeys.add(right.toInput(b));
                    continue;
                }
                if (within(b, leftRanges) && within(a, rightRanges)) {
                    leftKeys.add(left.toInput(b));
                    rightKeys.add(right.toInput(a));
                    continue;
                }
            }
            residual.add(e);
        }
        MotionRules.JoinDistributionRule.Placement placement =
                MotionRules.JOIN.apply(type, left, right, leftKeys, rightKeys, segmentCount);
        Rel l = placement.left();
        Rel r = placement.right();
        Map<Rel.ColumnKey, Integer> columns = Rel.concat(l, r);
        Rel combined = new Rel(l.node(), columns);
        Optional<Expr> rest = Exprs.and(residual.stream().map(combined::toInput).toList());
        PlanNode node = leftKeys.isEmpty()
                ? new PlanNode.NestedLoopJoin(type, l.node(), r.node(), rest, placement.locus())
                : new PlanNode.HashJoin(type, l.node(), r.node(), leftKeys, rightKeys, rest, placement.locus());
        return new Rel(node, columns);
    }

    private static boolean within(Expr e, Set<Integer> ranges) {
        Set<Integer> refs = Exprs.rangeRefs(e);
        return !refs.isEmpty() && ranges.containsAll(refs);
    }

    private Rel planLeaf(int rangeIndex, List<Expr> conjuncts) {
        RangeTableEntry entry = query.rangeTable().get(rangeIndex);
        return switch (entry) {
            case RangeTableEntry.Table table -> scan(rangeIndex, table, conjuncts);
            case RangeTableEntry.Subquery subquery -> filter(
                    identity(rangeIndex, subqueryPlanner.planSubquery(subquery.query())), conjuncts);
            case RangeTableEntry.Values values -> filter(identity(rangeIndex, values(values)), conjuncts);
            case RangeTableEntry.View view -> throw new SqlException(SqlState.INTERNAL_ERROR,
                    "view \"" + view.alias() + "\" was not rewritten before planning");
        };
    }

    private Rel scan(int rangeIndex, RangeTableEntry.Table entry, List<Expr> conjuncts) {
        TableDescriptor table = entry.table();
        List<Integer> columns = new ArrayList<>(new TreeSet<>(needed.stream()
                .filter(k -> k.rangeIndex() == rangeIndex).map(Rel.ColumnKey::column).toList()));
        if (columns.isEmpty() && !table.columns().isEmpty()) {
            // count(*) needs rows, not values: keep one column so batches carry the row count.
            columns.add(0);
        }
        Map<Rel.ColumnKey, Integer> positions = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            positions.put(new Rel.ColumnKey(rangeIndex, columns.get(i)), i);
        }
        Locus locus = Loci.ofScan(table.distribution(), columns);
        Rel unfiltered = new Rel(new PlanNode.SeqScan(table, entry.alias(), columns, Optional.empty(), locus), positions);
        Optional<Expr> filter = Exprs.and(conjuncts.stream().map(unfiltered::toInput).toList());
        return unfiltered.withNode(new PlanNode.SeqScan(table, entry.alias(), columns, filter, locus));
    }

    /** Constant rows live on the coordinator: any consumer that needs them elsewhere moves them. */
    private static PlanNode values(RangeTableEntry.Values values) {
        List<SqlType> types = values.columns().stream().map(c -> c.type()).toList();
        return new PlanNode.Values(types, values.rows(), new Locus.Entry());
    }

    private static Rel identity(int rangeIndex, PlanNode node) {
        Map<Rel.ColumnKey, Integer> positions = new HashMap<>();
        for (int i = 0; i < node.outputTypes().size(); i++) {
            positions.put(new Rel.ColumnKey(rangeIndex, i), i);
        }
        return new Rel(node, positions);
    }

    private static Rel filter(Rel rel, List<Expr> conjuncts) {
        Optional<Expr> predicate = Exprs.and(conjuncts.stream().map(rel::toInput).toList());
        return predicate.map(p -> rel.withNode(new PlanNode.Filter(rel.node(), p, rel.locus()))).orElse(rel);
    }

    static Set<Integer> ranges(FromNode node) {
        Set<Integer> out = new TreeSet<>();
        collect(node, out);
        return out;
    }

    private static void collect(FromNode node, Set<Integer> out) {
        switch (node) {
            case FromNode.RangeRef ref -> out.add(ref.rangeIndex());
            case FromNode.Join join -> {
                collect(join.left(), out);
                collect(join.right(), out);
            }
        }
    }
}
