package io.gangway.tck.dispatch;

import io.gangway.api.Column;
import io.gangway.api.SqlType;
import io.gangway.spi.catalog.DistributionPolicy;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.plan.GangType;
import io.gangway.spi.plan.Locus;
import io.gangway.spi.plan.MotionKind;
import io.gangway.spi.plan.PlanNode;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.spi.plan.Slice;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.ScalarFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/** Plans built by hand, shaped as a planner cuts them into slices; fake QEs only look at the slice ids. */
public final class DispatchPlans {
    public static final TableDescriptor ORDERS = new TableDescriptor(16_384, "public", "orders",
            List.of(new Column("id", SqlType.INTEGER), new Column("amount", SqlType.numeric(12, 2))),
            List.of(true, false), new DistributionPolicy.Hashed(List.of(0), 2), "heap", Map.of());

    private DispatchPlans() {
    }

    private static PlanNode scan(int segments) {
        Expr filter = new Expr.Call(ScalarFunction.GREATER,
                List.of(new Expr.InputRef(0, SqlType.INTEGER), new Expr.Constant(10, SqlType.INTEGER)), SqlType.BOOLEAN);
        return new PlanNode.SeqScan(ORDERS, "o", List.of(0, 1), Optional.of(filter), new Locus.Hashed(List.of(0), segments));
    }

    public static List<Integer> contents(int segments) {
        return IntStream.range(0, segments).boxed().toList();
    }

    /**
     * A SELECT gathered to the QD from {@code readerSlices} reader slices on {@code contents}
     * (slice 1 gathers, each further slice feeds the one before it through a redistribute).
     */
    public static PlannedStatement readerPlan(int readerSlices, List<Integer> contents) {
        int segments = contents.size();
        PlanNode[] motions = new PlanNode[readerSlices + 1];
        PlanNode input = scan(segments);
        for (int id = readerSlices; id >= 1; id--) {
            MotionKind kind = id == 1 ? MotionKind.GATHER : MotionKind.REDISTRIBUTE;
            Locus locus = id == 1 ? new Locus.Entry() : new Locus.Hashed(List.of(0), segments);
            input = new PlanNode.Motion(kind, input, id == 1 ? List.of() : List.of(0), List.of(), id, locus);
            motions[id] = input;
        }
        List<Slice> slices = new ArrayList<>();
        slices.add(new Slice(0, GangType.UNALLOCATED, List.of(-1), OptionalInt.empty(), motions[1]));
        for (int id = 1; id <= readerSlices; id++) {
            slices.add(new Slice(id, GangType.PRIMARY_READER, contents, OptionalInt.of(id - 1), motions[id]));
        }
        return new PlannedStatement(PlannedStatement.Command.SELECT, motions[1], slices,
                List.of(new Column("id", SqlType.INTEGER), new Column("amount", SqlType.numeric(12, 2))));
    }

    /** An INSERT … SELECT: slice 1 (the writer gang) inserts what slice 2 (a reader gang) redistributes to it. */
    public static PlannedStatement insertPlan(List<Integer> contents) {
        int segments = contents.size();
        PlanNode redistribute = new PlanNode.Motion(MotionKind.REDISTRIBUTE, scan(segments), List.of(0), List.of(), 2,
                new Locus.Hashed(List.of(0), segments));
        PlanNode insert = new PlanNode.Insert(redistribute, ORDERS, new Locus.Hashed(List.of(0), segments));
        PlanNode gather = new PlanNode.Motion(MotionKind.GATHER, insert, List.of(), List.of(), 1, new Locus.Entry());
        List<Slice> slices = List.of(
                new Slice(0, GangType.UNALLOCATED, List.of(-1), OptionalInt.empty(), gather),
                new Slice(1, GangType.PRIMARY_WRITER, contents, OptionalInt.of(0), gather),
                new Slice(2, GangType.PRIMARY_READER, contents, OptionalInt.of(1), redistribute));
        return new PlannedStatement(PlannedStatement.Command.INSERT, gather, slices, List.of());
    }

    /** Slice 2 scans on the segments, slice 1 runs on the entry db (content -1), slice 0 in the QD. */
    public static PlannedStatement entryDbPlan(List<Integer> contents) {
        PlanNode gatherToEntry = new PlanNode.Motion(MotionKind.GATHER, scan(contents.size()), List.of(), List.of(), 2,
                new Locus.Entry());
        PlanNode gatherToQd = new PlanNode.Motion(MotionKind.GATHER, gatherToEntry, List.of(), List.of(), 1, new Locus.Entry());
        List<Slice> slices = List.of(
                new Slice(0, GangType.UNALLOCATED, List.of(-1), OptionalInt.empty(), gatherToQd),
                new Slice(1, GangType.ENTRYDB_READER, List.of(-1), OptionalInt.of(0), gatherToQd),
                new Slice(2, GangType.PRIMARY_READER, contents, OptionalInt.of(1), gatherToEntry));
        return new PlannedStatement(PlannedStatement.Command.SELECT, gatherToQd, slices,
                List.of(new Column("id", SqlType.INTEGER), new Column("amount", SqlType.numeric(12, 2))));
    }
}
