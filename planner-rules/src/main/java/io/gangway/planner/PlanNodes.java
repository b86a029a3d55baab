package io.gangway.planner;

import io.gangway.spi.plan.PlanNode;
import java.util.List;

/** Structural helpers over plan trees. */
final class PlanNodes {
    private PlanNodes() {
    }

    /** The same node over new inputs (as many as {@link PlanNode#inputs()}, in the same order). */
    static PlanNode withInputs(PlanNode node, List<PlanNode> inputs) {
        return switch (node) {
            case PlanNode.SeqScan scan -> scan;
            case PlanNode.Values values -> values;
            case PlanNode.Project p -> new PlanNode.Project(inputs.get(0), p.expressions(), p.locus());
            case PlanNode.Filter f -> new PlanNode.Filter(inputs.get(0), f.predicate(), f.locus());
            case PlanNode.HashJoin j -> new PlanNode.HashJoin(j.joinType(), inputs.get(0), inputs.get(1), j.leftKeys(),
                    j.rightKeys(), j.residual(), j.locus());
            case PlanNode.NestedLoopJoin j -> new PlanNode.NestedLoopJoin(j.joinType(), inputs.get(0), inputs.get(1),
                    j.condition(), j.locus());
            case PlanNode.Aggregate a -> new PlanNode.Aggregate(inputs.get(0), a.stage(), a.groupKeys(), a.aggregates(),
                    a.locus());
            case PlanNode.Sort s -> new PlanNode.Sort(inputs.get(0), s.keys(), s.locus());
            case PlanNode.Limit l -> new PlanNode.Limit(inputs.get(0), l.count(), l.offset(), l.locus());
            case PlanNode.Motion m -> new PlanNode.Motion(m.kind(), inputs.get(0), m.hashColumns(), m.mergeKeys(),
                    m.sendingSlice(), m.locus());
            case PlanNode.Insert i -> new PlanNode.Insert(inputs.get(0), i.table(), i.locus());
        };
    }
}
