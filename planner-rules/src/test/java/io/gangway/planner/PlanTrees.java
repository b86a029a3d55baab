package io.gangway.planner;

import io.gangway.spi.plan.MotionKind;
import io.gangway.spi.plan.PlanNode;
import java.util.ArrayList;
import java.util.List;

/** Finds nodes in plan trees, for assertions. */
final class PlanTrees {
    private PlanTrees() {
    }

    /** Every node of a type, in preorder. */
    static <T extends PlanNode> List<T> all(PlanNode root, Class<T> type) {
        List<T> out = new ArrayList<>();
        collect(root, type, out);
        return out;
    }

    private static <T extends PlanNode> void collect(PlanNode node, Class<T> type, List<T> out) {
        if (type.isInstance(node)) {
            out.add(type.cast(node));
        }
        node.inputs().forEach(i -> collect(i, type, out));
    }

    static List<MotionKind> motionKinds(PlanNode root) {
        return all(root, PlanNode.Motion.class).stream().map(PlanNode.Motion::kind).toList();
    }

    /** The node types from the root down the first input, e.g. {@code [Limit, Motion, Limit, Sort, SeqScan]}. */
    static List<String> spine(PlanNode root) {
        List<String> out = new ArrayList<>();
        for (PlanNode n = root; ; n = n.inputs().getFirst()) {
            out.add(n.getClass().getSimpleName());
            if (n.inputs().isEmpty()) {
                return out;
            }
        }
    }
}
