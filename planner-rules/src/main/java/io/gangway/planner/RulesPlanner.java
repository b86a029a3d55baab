package io.gangway.planner;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.plan.PlanNode;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.spi.planner.Planner;
import io.gangway.spi.planner.PlannerContext;
import io.gangway.spi.query.Query;
import java.util.List;

/**
 * The default planner: plans a query tree with rule-based motion placement ({@link MotionRules},
 * {@link AggregateRules}), cuts the plan into slices ({@link SliceBuilder}) and prints it as
 * Greenplum's EXPLAIN does ({@link ExplainPrinter}). Stateless and thread-safe.
 */
public final class RulesPlanner implements Planner {
    private static final System.Logger LOG = System.getLogger(RulesPlanner.class.getName());

    @Override
    public PlannedStatement plan(Query query, PlannerContext context) {
        AggregateRules.MultiStageAggregationRule aggregateRule = new AggregateRules.MultiStageAggregationRule(
                AggregateRules.MultiStageAggregationRule.Config.fromSettings(context.settings()));
        QueryPlanner planner = new QueryPlanner(aggregateRule, context.segmentCount());
        PlannedStatement planned = switch (query.command()) {
            case SELECT -> SliceBuilder.build(PlannedStatement.Command.SELECT, planner.planSelect(query),
                    query.resultColumns());
            case INSERT -> {
                PlanNode insert = planner.planInsert(query, query.insertTarget().orElseThrow(() ->
                        new SqlException(SqlState.INTERNAL_ERROR, "INSERT without a target table")));
                yield SliceBuilder.build(PlannedStatement.Command.INSERT, insert, List.of());
            }
        };
        LOG.log(System.Logger.Level.TRACE, () -> String.join("\n", explain(planned, true)));
        return planned;
    }

    @Override
    public List<String> explain(PlannedStatement plan, boolean verbose) {
        return ExplainPrinter.explain(plan, verbose);
    }
}
