package io.gangway.planner;

import io.gangway.api.SqlType;
import io.gangway.spi.catalog.DistributionPolicy;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.plan.Locus;
import io.gangway.spi.plan.PlanNode;
import io.gangway.spi.plan.SortKey;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.FromNode;
import io.gangway.spi.query.Query;
import io.gangway.spi.query.SortClause;
import io.gangway.spi.query.TargetEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * Plans one query tree into an unsliced plan: FROM and WHERE ({@link FromPlanner}), aggregation
 * ({@link AggregatePlanner}), HAVING, the target list, DISTINCT, ORDER BY and LIMIT, then the
 * result's way out: a gather to the coordinator for SELECT, the target's segments for INSERT.
 */
final class QueryPlanner {
    private final AggregatePlanner aggregatePlanner;
    private final int segmentCount;

    QueryPlanner(AggregateRules.MultiStageAggregationRule aggregateRule, int segmentCount) {
        this.aggregatePlanner = new AggregatePlanner(aggregateRule, segmentCount);
        this.segmentCount = segmentCount;
    }

    /** A SELECT's plan: at the coordinator, with the query's visible columns only. */
    PlanNode planSelect(Query query) {
        PlanNode body = planBody(query);
        PlanNode top = orderAndLimit(query, body, true);
        return withoutJunk(query, top);
    }

    /** An INSERT's plan: an Insert node on the target's segments, over its rows moved there. */
    PlanNode planInsert(Query query, TableDescriptor target) {
        PlanNode rows = orderAndLimit(query, planBody(query), false);
        Rel placed = MotionRules.INSERT.apply(new Rel(rows, Map.of()), target);
        Locus locus = switch (target.distribution()) {
            case DistributionPolicy.Hashed h -> new Locus.Strewn(h.numSegments());
            case DistributionPolicy.Random r -> new Locus.Strewn(r.numSegments());
            case DistributionPolicy.Replicated r -> new Locus.Replicated(r.numSegments());
        };
        return new PlanNode.Insert(placed.node(), target, locus);
    }

    /**
     * A subquery in FROM: its visible columns, wherever its rows are. A LIMIT makes it gather (its
     * rows must be counted in one place); an ORDER BY without LIMIT does not order a relation.
     */
    PlanNode planSubquery(Query query) {
        PlanNode body = planBody(query);
        boolean limited = query.limit().isPresent() || query.offset().isPresent();
        return withoutJunk(query, limited ? orderAndLimit(query, body, false) : body);
    }

    /** FROM, WHERE, aggregation, HAVING, target list (junk included, in order) and DISTINCT. */
    private PlanNode planBody(Query query) {
        Rel from = query.from()
                .map(f -> new FromPlanner(query, neededColumns(query), this, segmentCount).plan(f))
                .orElseGet(() -> noFrom(query));
        List<Expr> targets = query.targetList().stream().map(TargetEntry::expression).toList();
        PlanNode projected;
        if (query.hasAggregates() || !query.groupBy().isEmpty() || query.having().isPresent()) {
            List<Expr> post = new ArrayList<>(targets);
            query.having().ifPresent(post::add);
            AggregatePlanner.Result agg = aggregatePlanner.plan(from, query.groupBy(), AggregatePlanner.aggregatesOf(post));
            PlanNode node = agg.node();
            if (query.having().isPresent()) {
                node = new PlanNode.Filter(node, agg.toOutput().apply(query.having().get()), node.locus());
            }
            projected = Enforcers.project(node, targets.stream().map(agg.toOutput()).toList());
        } else {
            UnaryOperator<Expr> toInput = from::toInput;
            projected = Enforcers.project(from.node(), targets.stream().map(toInput).toList());
        }
        if (query.distinct()) {
            List<Expr> all = inputRefs(projected);
            // SELECT DISTINCT is an aggregation with every output column as a key and no aggregates.
            projected = aggregatePlanner.plan(new Rel(projected, Map.of()), all, List.of()).node();
        }
        return projected;
    }

    /** SELECT without FROM: one row of no columns on the coordinator, filtered by WHERE. */
    private static Rel noFrom(Query query) {
        PlanNode one = new PlanNode.Values(List.of(), List.of(List.of()), new Locus.Entry());
        Rel rel = new Rel(one, Map.of());
        return query.where().map(w -> rel.withNode(new PlanNode.Filter(one, rel.toInput(w), one.locus()))).orElse(rel);
    }

    /**
     * ORDER BY and LIMIT/OFFSET. Sorting runs where the rows are and a merging gather keeps the
     * order; a LIMIT is also applied below the gather (to limit + offset rows) so each segment sends
     * no more than the result may need. With {@code gather}, the result is always at the coordinator.
     */
    private static PlanNode orderAndLimit(Query query, PlanNode input, boolean gather) {
        boolean limited = query.limit().isPresent() || query.offset().isPresent();
        if (!limited && !gather) {
            return input;
        }
        List<SortKey> keys = query.orderBy().stream().map(QueryPlanner::sortKey).toList();
        PlanNode node = input;
        if (!keys.isEmpty()) {
            node = new PlanNode.Sort(node, keys, node.locus());
        }
        long offset = query.offset().orElse(0);
        if (!(node.locus() instanceof Locus.Entry)) {
            if (query.limit().isPresent()) {
                long local = saturatedAdd(query.limit().getAsLong(), offset);
                node = new PlanNode.Limit(node, OptionalLong.of(local), 0, node.locus());
            }
            node = Enforcers.gather(new Rel(node, Map.of()), keys).node();
        }
        if (limited) {
            node = new PlanNode.Limit(node, query.limit(), offset, node.locus());
        }
        return node;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static SortKey sortKey(SortClause clause) {
        return new SortKey(clause.targetIndex(), clause.ascending(), clause.nullsFirst());
    }

    private static PlanNode withoutJunk(Query query, PlanNode node) {
        List<TargetEntry> targets = query.targetList();
        if (targets.stream().noneMatch(TargetEntry::junk)) {
            return node;
        }
        List<Expr> visible = IntStream.range(0, targets.size())
                .filter(i -> !targets.get(i).junk())
                .<Expr>mapToObj(i -> new Expr.InputRef(i, targets.get(i).expression().type()))
                .toList();
        return Enforcers.project(node, visible);
    }

    private static List<Expr> inputRefs(PlanNode node) {
        List<SqlType> types = node.outputTypes();
        return IntStream.range(0, types.size()).<Expr>mapToObj(i -> new Expr.InputRef(i, types.get(i))).toList();
    }

    /** Every range-table column the query reads anywhere. */
    private static Set<Rel.ColumnKey> neededColumns(Query query) {
        Set<Rel.ColumnKey> out = new HashSet<>();
        List<Expr> all = new ArrayList<>();
        query.where().ifPresent(all::add);
        query.targetList().forEach(t -> all.add(t.expression()));
        all.addAll(query.groupBy());
        query.having().ifPresent(all::add);
        query.from().ifPresent(f -> addConditions(f, all));
        for (Expr e : all) {
            Exprs.visit(e, x -> {
                if (x instanceof Expr.ColumnRef ref) {
                    out.add(new Rel.ColumnKey(ref.rangeIndex(), ref.column()));
                }
            });
        }
        return out;
    }

    private static void addConditions(FromNode node, List<Expr> out) {
        if (node instanceof FromNode.Join join) {
            join.condition().ifPresent(out::add);
            addConditions(join.left(), out);
            addConditions(join.right(), out);
        }
    }
}
