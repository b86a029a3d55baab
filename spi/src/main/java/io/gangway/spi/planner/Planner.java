package io.gangway.spi.planner;

import io.gangway.spi.plan.PlannedStatement;
import io.gangway.spi.query.Query;
import java.util.List;

/**
 * Plans a rewritten query tree for the cluster: chooses operators, gives every node a locus,
 * inserts motions where a parent needs rows elsewhere (gather for results, redistribute or
 * broadcast for joins whose inputs are not co-located, two-stage aggregation around a motion),
 * and cuts the tree into slices with their gang types.
 *
 * <p>Called on the QD session's thread once per statement. Planning never touches storage;
 * failure means an unsupported construct ({@code 0A000}).
 */
public interface Planner {
    PlannedStatement plan(Query query, PlannerContext context);

    /**
     * The lines of {@code EXPLAIN} output for a plan this planner made, in Greenplum's shape:
     * {@code Gather Motion 2:1  (slice1; segments: 2)} over the nodes below it, then
     * {@code Optimizer: ...}.
     */
    List<String> explain(PlannedStatement plan, boolean verbose);
}
