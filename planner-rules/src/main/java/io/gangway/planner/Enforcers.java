package io.gangway.planner;

import io.gangway.api.SqlType;
import io.gangway.spi.plan.Locus;
import io.gangway.spi.plan.MotionKind;
import io.gangway.spi.plan.PlanNode;
import io.gangway.spi.plan.SortKey;
import io.gangway.spi.query.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the motions that change a rel's locus (the enforcers of a locus, in Calcite's terms). A
 * motion is built with sending slice {@link #UNNUMBERED}; {@link SliceBuilder} numbers it when the
 * plan is cut into slices.
 */
final class Enforcers {
    static final int UNNUMBERED = -1;

    private Enforcers() {
    }

    /** All rows to the coordinator, merged in {@code mergeKeys} order if any. */
    static Rel gather(Rel rel, List<SortKey> mergeKeys) {
        if (rel.locus() instanceof Locus.Entry) {
            return rel;
        }
        return rel.withNode(new PlanNode.Motion(MotionKind.GATHER, rel.node(), List.of(), mergeKeys, UNNUMBERED,
                new Locus.Entry()));
    }

    /**
     * Rows to {@code numSegments} segments by a hash of {@code columns}; with no columns, round-robin
     * (the rows end up {@link Locus.Strewn}).
     */
    static Rel redistribute(Rel rel, List<Integer> columns, int numSegments) {
        Locus target = columns.isEmpty() ? new Locus.Strewn(numSegments) : new Locus.Hashed(columns, numSegments);
        return rel.withNode(new PlanNode.Motion(MotionKind.REDISTRIBUTE, rel.node(), columns, List.of(), UNNUMBERED,
                target));
    }

    /** Every row to each of {@code numSegments} segments. */
    static Rel broadcast(Rel rel, int numSegments) {
        return rel.withNode(new PlanNode.Motion(MotionKind.BROADCAST, rel.node(), List.of(), List.of(), UNNUMBERED,
                new Locus.Replicated(numSegments)));
    }

    /**
     * Positions of {@code expressions} in the rel's output: bare input references where they are,
     * other expressions appended by a projection (so a motion can hash them). Existing positions
     * never move.
     */
    static Rel withColumns(Rel rel, List<Expr> expressions, List<Integer> positionsOut) {
        int width = rel.width();
        List<Expr> projected = new ArrayList<>();
        for (Expr e : expressions) {
            Optional<Integer> index = Exprs.inputIndex(e);
            if (index.isPresent()) {
                positionsOut.add(index.get());
            } else {
                int existing = projected.indexOf(e);
                if (existing < 0) {
                    projected.add(e);
                    existing = projected.size() - 1;
                }
                positionsOut.add(width + existing);
            }
        }
        if (projected.isEmpty()) {
            return rel;
        }
        List<Expr> all = new ArrayList<>();
        List<SqlType> types = rel.node().outputTypes();
        for (int i = 0; i < width; i++) {
            all.add(new Expr.InputRef(i, types.get(i)));
        }
        all.addAll(projected);
        return rel.withNode(project(rel.node(), all));
    }

    /** A projection, or the input itself when the projection would copy it unchanged. */
    static PlanNode project(PlanNode input, List<Expr> expressions) {
        List<SqlType> types = input.outputTypes();
        boolean identity = expressions.size() == types.size();
        for (int i = 0; identity && i < expressions.size(); i++) {
            identity = expressions.get(i) instanceof Expr.InputRef ref && ref.index() == i;
        }
        if (identity) {
            return input;
        }
        return new PlanNode.Project(input, expressions, Loci.throughProjection(input.locus(), expressions));
    }
}
