package io.gangway.planner;

import io.gangway.spi.catalog.DistributionPolicy;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.plan.Locus;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.FromNode.JoinType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules that decide where motions go: which side of a join moves and how, and how rows reach
 * the segments of an INSERT's target. Locus is a plan property; these rules only add the motions
 * (the enforcers, see {@link Enforcers}) that give a parent the locus it needs.
 */
public final class MotionRules {
    /** Co-location of join inputs, as Greenplum's Postgres-based planner does it (without costs). */
    public static final JoinDistributionRule JOIN = new JoinDistributionRule(JoinDistributionRule.Config.DEFAULT);

    /** Puts an INSERT's rows on the segments where its target table keeps them. */
    public static final InsertDistributionRule INSERT = new InsertDistributionRule();

    private MotionRules() {
    }

    /**
     * Chooses the motions of a join. In order: a single-process side (Entry, SingleQe, General)
     * brings the other side to the coordinator (or, with {@link Config#broadcastSingleProcessSide},
     * is broadcast when it is not an outer join's preserved side); a replicated side joins in place
     * (a replicated preserved side of a LEFT join gets the other side broadcast, else its unmatched
     * rows would come once per segment); inputs hashed on corresponding join keys join in place; a
     * side hashed on its join keys gets the other side redistributed on the matching keys; otherwise
     * both sides are redistributed on all join keys; without equality keys the inner side is broadcast.
     */
    public record JoinDistributionRule(Config config) {
        /** @param broadcastSingleProcessSide broadcast a coordinator-only inner side instead of gathering the other side */
        public record Config(boolean broadcastSingleProcessSide) {
            public static final Config DEFAULT = new Config(false);

            public Config withBroadcastSingleProcessSide(boolean value) {
                return new Config(value);
            }
        }

        /** The inputs after their motions, and the locus of the join's output (left ++ right columns). */
        record Placement(Rel left, Rel right, Locus locus) {
        }

        Placement apply(JoinType type, Rel left, Rel right, List<Expr> leftKeys, List<Expr> rightKeys, int segmentCount) {
            Locus l = left.locus();
            Locus r = right.locus();
            if (Loci.isSingleProcess(l) || Loci.isSingleProcess(r)) {
                if (config.broadcastSingleProcessSide() && Loci.isSingleProcess(r) && !Loci.isSingleProcess(l)) {
                    return new Placement(left, Enforcers.broadcast(right, Loci.numSegments(l, segmentCount)), l);
                }
                return new Placement(Enforcers.gather(left, List.of()), Enforcers.gather(right, List.of()),
                        new Locus.Entry());
            }
            if (r instanceof Locus.Replicated) {
                return new Placement(left, right, l);
            }
            if (l instanceof Locus.Replicated) {
                if (type == JoinType.LEFT) {
                    return new Placement(left, Enforcers.broadcast(right, Loci.numSegments(l, segmentCount)), l);
                }
                return new Placement(left, right, Loci.shift(r, left.width()));
            }
            if (leftKeys.isEmpty()) {
                return new Placement(left, Enforcers.broadcast(right, Loci.numSegments(l, segmentCount)), l);
            }
            Optional<List<Integer>> leftOnKeys = keysOf(l, leftKeys);
            Optional<List<Integer>> rightOnKeys = keysOf(r, rightKeys);
            if (leftOnKeys.isPresent() && r instanceof Locus.Hashed rh
                    && coLocated((Locus.Hashed) l, rh, leftOnKeys.get(), rightKeys)) {
                return new Placement(left, right, l);
            }
            if (leftOnKeys.isPresent()) {
                Rel moved = redistribute(right, pick(rightKeys, leftOnKeys.get()), ((Locus.Hashed) l).numSegments());
                return new Placement(left, moved, l);
            }
            if (rightOnKeys.isPresent()) {
                Rel moved = redistribute(left, pick(leftKeys, rightOnKeys.get()), ((Locus.Hashed) r).numSegments());
                return new Placement(moved, right, moved.locus());
            }
            Rel movedLeft = redistribute(left, leftKeys, segmentCount);
            Rel movedRight = redistribute(right, rightKeys, segmentCount);
            return new Placement(movedLeft, movedRight, movedLeft.locus());
        }

        /** For each hash key of the locus, which join key is that column; empty unless hashed on join keys only. */
        private static Optional<List<Integer>> keysOf(Locus locus, List<Expr> keys) {
            return locus instanceof Locus.Hashed hashed ? Loci.mapKeys(hashed, keys) : Optional.empty();
        }

        private static boolean coLocated(Locus.Hashed l, Locus.Hashed r, List<Integer> leftKeyIndexes, List<Expr> rightKeys) {
            if (l.numSegments() != r.numSegments() || l.keys().size() != r.keys().size()) {
                return false;
            }
            for (int i = 0; i < r.keys().size(); i++) {
                Optional<Integer> column = Exprs.inputIndex(rightKeys.get(leftKeyIndexes.get(i)));
                if (column.isEmpty() || !column.get().equals(r.keys().get(i))) {
                    return false;
                }
            }
            return true;
        }

        private static List<Expr> pick(List<Expr> keys, List<Integer> indexes) {
            return indexes.stream().map(keys::get).toList();
        }

        private static Rel redistribute(Rel rel, List<Expr> keys, int numSegments) {
            List<Integer> columns = new ArrayList<>();
            Rel withKeys = Enforcers.withColumns(rel, keys, columns);
            return Enforcers.redistribute(withKeys, columns, numSegments);
        }
    }

    /**
     * Where an INSERT's input must be: hashed on the target's distribution key columns (exactly, in
     * order), anywhere partitioned over the target's segments for a random table (a coordinator
     * input is dealt round-robin: a REDISTRIBUTE with no hash columns), on every segment for a
     * replicated table. The input's columns are the table's, in table order.
     */
    public record InsertDistributionRule() {
        Rel apply(Rel input, TableDescriptor target) {
            Locus locus = input.locus();
            return switch (target.distribution()) {
                case DistributionPolicy.Hashed hashed -> {
                    if (locus instanceof Locus.Hashed h && h.numSegments() == hashed.numSegments()
                            && h.keys().equals(hashed.keyColumns())) {
                        yield input;
                    }
                    yield Enforcers.redistribute(input, hashed.keyColumns(), hashed.numSegments());
                }
                case DistributionPolicy.Random random -> {
                    if (locus.isPartitioned() && Loci.numSegments(locus, -1) == random.numSegments()) {
                        yield input;
                    }
                    yield Enforcers.redistribute(input, List.of(), random.numSegments());
                }
                case DistributionPolicy.Replicated replicated -> {
                    if (locus instanceof Locus.Replicated r && r.numSegments() == replicated.numSegments()) {
                        yield input;
                    }
                    yield Enforcers.broadcast(input, replicated.numSegments());
                }
            };
        }
    }
}
