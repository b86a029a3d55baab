package io.gangway.tck.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.api.SqlType;
import io.gangway.spi.plan.AggregateCall;
import io.gangway.spi.plan.GangType;
import io.gangway.spi.plan.Locus;
import io.gangway.spi.plan.PlanNode;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.spi.plan.Slice;
import io.gangway.spi.plan.SortKey;
import io.gangway.spi.query.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The planner-independent rules every planned statement keeps, as AssertJ assertions: slices are
 * numbered densely with slice 0 on top; each motion sends from a slice rooted at it whose parent is
 * the slice holding the motion; a SELECT ends at the coordinator with its result columns; an
 * INSERT's top slice is the writer gang; a slice on segments spans distinct contents (all of them,
 * or one under direct dispatch); every input reference points inside its node's input row with that
 * column's type.
 */
public final class PlanInvariants {
    private PlanInvariants() {
    }

    /** The invariants, with every segment content checked against a cluster of {@code segments} segments. */
    public static void check(PlannedStatement plan, int segments) {
        check(plan);
        for (Slice slice : plan.slices()) {
            if (!slice.onCoordinator()) {
                assertThat(slice.contents()).as("contents of slice %d", slice.id())
                        .allSatisfy(c -> assertThat(c).isBetween(0, segments - 1));
            }
        }
    }

    public static void check(PlannedStatement plan) {
        List<Slice> slices = plan.slices();
        assertThat(slices).as("slices").isNotEmpty();
        for (int i = 0; i < slices.size(); i++) {
            assertThat(slices.get(i).id()).as("slice id at %d", i).isEqualTo(i);
        }
        assertThat(slices.getFirst().parent()).as("parent of slice 0").isEmpty();
        assertThat(slices.getFirst().root()).as("root of slice 0").isEqualTo(plan.root());
        List<PlanNode.Motion> motions = new ArrayList<>();
        walk(plan, plan.root(), 0, motions);
        assertThat(motions).as("one motion per slice below the top").hasSize(slices.size() - 1);
        switch (plan.command()) {
            case SELECT -> {
                assertThat(plan.root().locus()).as("locus of a SELECT's top").isInstanceOf(Locus.Entry.class);
                assertThat(plan.slice(0).onCoordinator()).as("SELECT top slice on the coordinator").isTrue();
                assertThat(plan.resultColumns().stream().map(c -> c.type()).toList())
                        .as("result column types").isEqualTo(plan.root().outputTypes());
            }
            case INSERT -> {
                assertThat(plan.slice(0).gangType()).as("INSERT top slice").isEqualTo(GangType.PRIMARY_WRITER);
                assertThat(plan.resultColumns()).as("INSERT result columns").isEmpty();
            }
        }
        for (Slice slice : slices) {
            assertThat(slice.contents()).as("contents of slice %d", slice.id()).isNotEmpty();
            if (slice.onCoordinator()) {
                assertThat(slice.contents()).as("contents of coordinator slice %d", slice.id()).containsExactly(-1);
            } else {
                assertThat(slice.contents()).as("contents of slice %d", slice.id())
                        .doesNotHaveDuplicates().allSatisfy(c -> assertThat(c).isNotNegative());
            }
        }
        long writers = slices.stream().filter(s -> s.gangType() == GangType.PRIMARY_WRITER).count();
        assertThat(writers).as("writer gangs").isLessThanOrEqualTo(1);
    }

    private static void walk(PlannedStatement plan, PlanNode node, int slice, List<PlanNode.Motion> motions) {
        checkReferences(node);
        int childSlice = slice;
        if (node instanceof PlanNode.Motion motion) {
            motions.add(motion);
            int sending = motion.sendingSlice();
            assertThat(sending).as("sending slice of %s", motion.kind()).isBetween(1, plan.slices().size() - 1);
            Slice sender = plan.slice(sending);
            assertThat(sender.root()).as("root of slice %d", sending).isEqualTo(motion);
            assertThat(sender.parent()).as("parent of slice %d", sending).hasValue(slice);
            childSlice = sending;
        }
        for (PlanNode input : node.inputs()) {
            walk(plan, input, childSlice, motions);
        }
    }

    private static void checkReferences(PlanNode node) {
        String what = node.getClass().getSimpleName();
        switch (node) {
            case PlanNode.SeqScan scan -> scan.filter().ifPresent(f -> refs(what, f, scan.outputTypes()));
            case PlanNode.Values values -> {
                values.rows().forEach(row -> {
                    assertThat(row).as("width of a Values row").hasSize(values.types().size());
                    row.forEach(e -> refs(what, e, List.of()));
                });
            }
            case PlanNode.Project p -> p.expressions().forEach(e -> refs(what, e, p.input().outputTypes()));
            case PlanNode.Filter f -> refs(what, f.predicate(), f.input().outputTypes());
            case PlanNode.HashJoin j -> {
                j.leftKeys().forEach(e -> refs(what + " left key", e, j.left().outputTypes()));
                j.rightKeys().forEach(e -> refs(what + " right key", e, j.right().outputTypes()));
                j.residual().ifPresent(e -> refs(what, e, j.outputTypes()));
            }
            case PlanNode.NestedLoopJoin j -> j.condition().ifPresent(e -> refs(what, e, j.outputTypes()));
            case PlanNode.Aggregate a -> {
                a.groupKeys().forEach(e -> refs(what, e, a.input().outputTypes()));
                for (AggregateCall call : a.aggregates()) {
                    call.arguments().forEach(e -> refs(what, e, a.input().outputTypes()));
                }
            }
            case PlanNode.Sort s -> sortKeys(what, s.keys(), s.input().outputTypes().size());
            case PlanNode.Limit l -> assertThat(l.offset()).as("limit offset").isNotNegative();
            case PlanNode.Motion m -> {
                int width = m.input().outputTypes().size();
                m.hashColumns().forEach(c -> assertThat(c).as("hash column of a motion").isBetween(0, width - 1));
                sortKeys(what, m.mergeKeys(), width);
            }
            case PlanNode.Insert i -> assertThat(i.input().outputTypes())
                    .as("INSERT input: one column per table column").hasSize(i.table().columns().size());
        }
    }

    private static void sortKeys(String what, List<SortKey> keys, int width) {
        keys.forEach(k -> assertThat(k.column()).as("sort key of %s", what).isBetween(0, width - 1));
    }

    private static void refs(String what, Expr e, List<SqlType> input) {
        switch (e) {
            case Expr.InputRef ref -> {
                assertThat(ref.index()).as("input reference in %s (input width %d)", what, input.size())
                        .isBetween(0, input.size() - 1);
                assertThat(ref.type()).as("type of input reference %d in %s", ref.index(), what)
                        .isEqualTo(input.get(ref.index()));
            }
            case Expr.ColumnRef ref -> assertThat(Optional.of(ref)).as("column reference in a plan (%s)", what).isEmpty();
            case Expr.Aggregate agg -> assertThat(Optional.of(agg)).as("aggregate expression in a plan (%s)", what).isEmpty();
            case Expr.Constant c -> { }
            case Expr.Call call -> call.arguments().forEach(a -> refs(what, a, input));
            case Expr.Case c -> {
                c.conditions().forEach(a -> refs(what, a, input));
                c.results().forEach(a -> refs(what, a, input));
                c.otherwise().ifPresent(a -> refs(what, a, input));
            }
        }
    }
}
