package io.gangway.planner;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.spi.plan.AggregateCall;
import io.gangway.spi.plan.AggregateStage;
import io.gangway.spi.plan.PlanNode;
import io.gangway.spi.query.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * Plans GROUP BY and aggregates over a FROM rel. The aggregate's output row is the group keys,
 * then one column per aggregate; {@link Result#toOutput()} turns the query's post-aggregation
 * expressions (target list, HAVING) into expressions over that row.
 */
final class AggregatePlanner {
    private final AggregateRules.MultiStageAggregationRule rule;
    private final int segmentCount;

    AggregatePlanner(AggregateRules.MultiStageAggregationRule rule, int segmentCount) {
        this.rule = rule;
        this.segmentCount = segmentCount;
    }

    /**
     * @param node the aggregation's top node
     * @param toOutput turns a query expression (over group keys and aggregates) into one over the node's output
     */
    record Result(PlanNode node, UnaryOperator<Expr> toOutput) {
    }

    /** The distinct aggregate calls of expressions, in order of first appearance. */
    static List<Expr.Aggregate> aggregatesOf(List<Expr> expressions) {
        List<Expr.Aggregate> out = new ArrayList<>();
        for (Expr e : expressions) {
            Exprs.visit(e, x -> {
                if (x instanceof Expr.Aggregate agg && !out.contains(agg)) {
                    out.add(agg);
                }
            });
        }
        return out;
    }

    Result plan(Rel input, List<Expr> groupBy, List<Expr.Aggregate> aggregates) {
        List<Expr> keys = groupBy.stream().map(input::toInput).toList();
        List<AggregateCall> calls = aggregates.stream()
                .map(a -> new AggregateCall(a.function(), a.arguments().stream().map(input::toInput).toList(),
                        a.distinct(), a.type()))
                .toList();
        PlanNode node = switch (rule.choose(input.locus(), keys, calls)) {
            case IN_PLACE -> single(input, keys, calls);
            case GATHER_THEN_SINGLE -> single(Enforcers.gather(input, List.of()), keys, calls);
            case REDISTRIBUTE_THEN_SINGLE -> {
                List<Integer> columns = new ArrayList<>();
                Rel withKeys = Enforcers.withColumns(input, keys, columns);
                int n = Loci.numSegments(input.locus(), segmentCount);
                yield single(Enforcers.redistribute(withKeys, columns, n), keys, calls);
            }
            case TWO_STAGE -> twoStage(input, keys, calls);
        };
        return new Result(node, e -> toOutput(e, groupBy, aggregates));
    }

    private static PlanNode single(Rel input, List<Expr> keys, List<AggregateCall> calls) {
        return new PlanNode.Aggregate(input.node(), AggregateStage.SINGLE, keys, calls,
                Loci.throughProjection(input.locus(), keys));
    }

    private PlanNode twoStage(Rel input, List<Expr> keys, List<AggregateCall> calls) {
        int n = Loci.numSegments(input.locus(), segmentCount);
        PlanNode partial = new PlanNode.Aggregate(input.node(), AggregateStage.PARTIAL, keys, calls,
                Loci.throughProjection(input.locus(), keys));
        Rel partialRel = input.withNode(partial);
        int k = keys.size();
        List<Integer> keyColumns = IntStream.range(0, k).boxed().toList();
        Rel moved = k == 0 ? Enforcers.gather(partialRel, List.of()) : Enforcers.redistribute(partialRel, keyColumns, n);
        List<SqlType> partialTypes = partial.outputTypes();
        List<Expr> finalKeys = keyColumns.stream().<Expr>map(i -> new Expr.InputRef(i, partialTypes.get(i))).toList();
        List<AggregateCall> finalCalls = new ArrayList<>();
        int offset = k;
        for (AggregateCall call : calls) {
            finalCalls.add(new AggregateCall(call.function(),
                    List.of(new Expr.InputRef(offset, call.partialTypes().getFirst())), false, call.resultType()));
            offset += call.partialTypes().size();
        }
        return new PlanNode.Aggregate(moved.node(), AggregateStage.FINAL, finalKeys, finalCalls, moved.locus());
    }

    private static Expr toOutput(Expr e, List<Expr> groupBy, List<Expr.Aggregate> aggregates) {
        return Exprs.rewrite(e, x -> {
            int key = groupBy.indexOf(x);
            if (key >= 0) {
                return Optional.of(new Expr.InputRef(key, x.type()));
            }
            if (x instanceof Expr.Aggregate agg) {
                int index = aggregates.indexOf(agg);
                if (index < 0) {
                    throw new SqlException(SqlState.INTERNAL_ERROR, "aggregate " + agg.function().sqlName()
                            + " was not planned");
                }
                return Optional.of(new Expr.InputRef(groupBy.size() + index, agg.type()));
            }
            if (x instanceof Expr.ColumnRef ref) {
                throw new SqlException(SqlState.GROUPING_ERROR, "column \"" + ref.name()
                        + "\" must appear in the GROUP BY clause or be used in an aggregate function");
            }
            return Optional.empty();
        });
    }
}
