package io.gangway.engine.exec;

import static io.gangway.engine.exec.ListOperator.drain;
import static io.gangway.engine.exec.ListOperator.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.Column;
import io.gangway.api.DistributionHash;
import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.interconnect.support.LocalInterconnect;
import io.gangway.spi.catalog.DistributionPolicy;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.dispatch.SliceTable;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.plan.AggregateCall;
import io.gangway.spi.plan.AggregateStage;
import io.gangway.spi.plan.GangType;
import io.gangway.spi.plan.Locus;
import io.gangway.spi.plan.MotionKind;
import io.gangway.spi.plan.PlanNode;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.spi.plan.Slice;
import io.gangway.spi.plan.SortKey;
import io.gangway.spi.query.AggregateFunction;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.FromNode.JoinType;
import io.gangway.spi.storage.Visibility;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Multi-slice plans run in one JVM: two "segments" and a "coordinator", each with its own in-memory interconnect. */
class SliceRunnerTest {
    private static final int SEGMENTS = 2;
    private static final Locus STREWN = new Locus.Strewn(SEGMENTS);
    private static final Locus ENTRY = new Locus.Entry();

    private final LocalInterconnect qdInterconnect = new LocalInterconnect();
    private final LocalInterconnect[] segInterconnects = {new LocalInterconnect(), new LocalInterconnect()};
    private final List<Endpoint> qd = List.of(qdInterconnect.endpoint());
    private final List<Endpoint> segs = List.of(segInterconnects[0].endpoint(), segInterconnects[1].endpoint());
    private final FakeStorage[] storage = {new FakeStorage(), new FakeStorage()};
    private final FakeStorage coordinatorStorage = new FakeStorage();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private long command;

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
        qdInterconnect.close();
        for (LocalInterconnect ic : segInterconnects) {
            ic.close();
        }
    }

    private static TableDescriptor table(long id, String name, List<Column> columns, boolean... notNull) {
        List<Boolean> flags = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            flags.add(c < notNull.length && notNull[c]);
        }
        return new TableDescriptor(id, "public", name, columns, flags,
                new DistributionPolicy.Hashed(List.of(0), SEGMENTS), "fake", Map.of());
    }

    private ExecutionContext context(PlannedStatement plan, int slice, int member, CancelState cancel) {
        boolean onQd = plan.slice(slice).onCoordinator();
        FakeStorage engine = onQd ? coordinatorStorage : storage[member];
        Map<Integer, List<Endpoint>> members = new HashMap<>();
        for (Slice s : plan.slices()) {
            members.put(s.id(), s.onCoordinator() ? qd : segs);
        }
        return new ExecutionContext(7, command, onQd ? -1 : member, plan, slice, member, new SliceTable(members),
                onQd ? qdInterconnect : segInterconnects[member], name -> name.equals("fake") ? engine : null, 100, Visibility.ALL, cancel, Settings.EMPTY, new MemoryAccount());
    }

    /** Starts every member of every sending slice on its own thread; returns their futures (rows sent). */
    private List<Future<Long>> startSenders(PlannedStatement plan, CancelState cancel) {
        List<Future<Long>> futures = new ArrayList<>();
        for (Slice slice : plan.slices()) {
            if (slice.id() == 0) {
                continue;
            }
            int gang = slice.onCoordinator() ? 1 : SEGMENTS;
            for (int m = 0; m < gang; m++) {
                ExecutionContext ctx = context(plan, slice.id(), m, cancel);
                futures.add(threads.submit(() -> SliceRunner.runSendingSlice(ctx)));
            }
        }
        return futures;
    }

    private static long total(List<Future<Long>> futures) throws Exception {
        long sum = 0;
        for (Future<Long> f : futures) {
            sum += f.get(10, TimeUnit.SECONDS);
        }
        return sum;
    }

    private static PlannedStatement select(PlanNode top, Slice... lower) {
        List<Slice> slices = new ArrayList<>();
        slices.add(new Slice(0, GangType.UNALLOCATED, List.of(-1), OptionalInt.empty(), top));
        slices.addAll(List.of(lower));
        return new PlannedStatement(PlannedStatement.Command.SELECT, top, slices, List.of());
    }

    private static Slice segmentSlice(int id, int parent, PlanNode.Motion motion) {
        return new Slice(id, GangType.PRIMARY_READER, List.of(0, 1), OptionalInt.of(parent), motion);
    }

    @Test
    void partialAggregatesGatheredAndFinalizedOnTheCoordinator() throws Exception {
        command = 1;
        TableDescriptor t = table(1, "t", List.of(new Column("a", SqlType.INTEGER), new Column("b", SqlType.numeric(10, 2))));
        List<List<Object>> all = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            List<Object> r = row(i, i % 10 == 0 ? null : BigDecimal.valueOf(i, 2));
            all.add(r);
            storage[i % 3 == 0 ? 0 : 1].load(t, List.of(r));
        }
        Expr a = new Expr.InputRef(0, SqlType.INTEGER);
        Expr b = new Expr.InputRef(1, SqlType.numeric(10, 2));
        List<AggregateCall> calls = List.of(
                new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, SqlType.BIGINT),
                new AggregateCall(AggregateFunction.SUM, List.of(b), false, SqlType.NUMERIC),
                new AggregateCall(AggregateFunction.AVG, List.of(b), false, SqlType.NUMERIC),
                new AggregateCall(AggregateFunction.MAX, List.of(a), false, SqlType.INTEGER),
                new AggregateCall(AggregateFunction.SUM, List.of(a), false, SqlType.BIGINT));
        PlanNode scan = new PlanNode.SeqScan(t, "t", List.of(0, 1), Optional.empty(), STREWN);
        PlanNode partial = new PlanNode.Aggregate(scan, AggregateStage.PARTIAL, List.of(), calls, STREWN);
        PlanNode.Motion gather = new PlanNode.Motion(MotionKind.GATHER, partial, List.of(), List.of(), 1, ENTRY);
        List<AggregateCall> finals = List.of(
                new AggregateCall(AggregateFunction.COUNT_STAR, List.of(new Expr.InputRef(0, SqlType.BIGINT)), false, SqlType.BIGINT),
                new AggregateCall(AggregateFunction.SUM, List.of(new Expr.InputRef(1, SqlType.NUMERIC)), false, SqlType.NUMERIC),
                new AggregateCall(AggregateFunction.AVG, List.of(new Expr.InputRef(2, SqlType.NUMERIC)), false, SqlType.NUMERIC),
                new AggregateCall(AggregateFunction.MAX, List.of(new Expr.InputRef(4, SqlType.INTEGER)), false, SqlType.INTEGER),
                new AggregateCall(AggregateFunction.SUM, List.of(new Expr.InputRef(5, SqlType.BIGINT)), false, SqlType.BIGINT));
        PlanNode top = new PlanNode.Aggregate(gather, AggregateStage.FINAL, List.of(), finals, ENTRY);
        PlannedStatement plan = select(top, segmentSlice(1, 0, gather));

        CancelState cancel = new CancelState();
        List<Future<Long>> senders = startSenders(plan, cancel);
        List<List<Object>> result = drain(SliceRunner.openSlice(context(plan, 0, 0, cancel)));
        assertThat(total(senders)).isEqualTo(2); // one partial row per segment

        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        long nonNull = 0;
        long sumA = 0;
        for (List<Object> r : all) {
            sumA += (Integer) r.get(0);
            if (r.get(1) != null) {
                sum = sum.add((BigDecimal) r.get(1));
                nonNull++;
            }
        }
        BigDecimal avg = sum.divide(BigDecimal.valueOf(nonNull), 16, RoundingMode.HALF_UP);
        assertThat(result).containsExactly(row(1000L, sum, avg, 999, sumA));
    }

    @Test
    void redistributeThenJoinThenMergeGather() throws Exception {
        command = 2;
        TableDescriptor t1 = table(1, "t1", List.of(new Column("a", SqlType.INTEGER), new Column("b", SqlType.TEXT)));
        TableDescriptor t2 = table(2, "t2", List.of(new Column("c", SqlType.BIGINT), new Column("d", SqlType.TEXT)));
        List<List<Object>> rows1 = new ArrayList<>();
        List<List<Object>> rows2 = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            rows1.add(row(i % 150, "b" + i));
            storage[i % 2].load(t1, List.of(rows1.getLast()));
        }
        for (int i = 0; i < 300; i++) {
            rows2.add(row(i % 2 == 0 ? null : (long) (i % 200), "d" + i));
            storage[(i / 7) % 2].load(t2, List.of(rows2.getLast()));
        }
        List<SqlType> t1Types = List.of(SqlType.INTEGER, SqlType.TEXT);
        List<SqlType> t2Types = List.of(SqlType.BIGINT, SqlType.TEXT);
        PlanNode.Motion m1 = new PlanNode.Motion(MotionKind.REDISTRIBUTE,
                new PlanNode.SeqScan(t1, "t1", List.of(0, 1), Optional.empty(), STREWN), List.of(0), List.of(), 1,
                new Locus.Hashed(List.of(0), SEGMENTS));
        PlanNode.Motion m2 = new PlanNode.Motion(MotionKind.REDISTRIBUTE,
                new PlanNode.SeqScan(t2, "t2", List.of(0, 1), Optional.empty(), STREWN), List.of(0), List.of(), 2,
                new Locus.Hashed(List.of(0), SEGMENTS));
        PlanNode join = new PlanNode.HashJoin(JoinType.INNER, m1, m2, List.of(new Expr.InputRef(0, SqlType.INTEGER)),
                List.of(new Expr.InputRef(0, SqlType.BIGINT)), Optional.empty(), STREWN);
        List<SortKey> order = List.of(new SortKey(1, true, false), new SortKey(3, true, false));
        PlanNode sorted = new PlanNode.Sort(join, order, STREWN);
        PlanNode.Motion gather = new PlanNode.Motion(MotionKind.GATHER, sorted, List.of(), order, 3, ENTRY);
        PlannedStatement plan = select(gather, segmentSlice(1, 3, m1), segmentSlice(2, 3, m2),
                segmentSlice(3, 0, gather));

        CancelState cancel = new CancelState();
        List<Future<Long>> senders = startSenders(plan, cancel);
        List<List<Object>> result = drain(SliceRunner.openSlice(context(plan, 0, 0, cancel)));
        total(senders);

        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> l : rows1) {
            for (List<Object> r : rows2) {
                if (r.get(0) != null && ((Long) r.get(0)).intValue() == (Integer) l.get(0)) {
                    expected.add(row(l.get(0), l.get(1), r.get(0), r.get(1)));
                }
            }
        }
        Comparator<List<Object>> byTexts = Comparator.comparing((List<Object> r) -> (String) r.get(1))
                .thenComparing(r -> (String) r.get(3));
        expected.sort(byTexts);
        assertThat(expected).isNotEmpty();
        assertThat(result).containsExactlyElementsOf(expected);
    }

    @Test
    void insertRedistributedRowsIntoEachSegmentsStorage() throws Exception {
        command = 3;
        TableDescriptor t = table(5, "t", List.of(new Column("id", SqlType.INTEGER), new Column("v", SqlType.varchar(5))),
                true, false);
        List<List<Expr>> values = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            values.add(List.of(new Expr.Constant(i, SqlType.INTEGER),
                    new Expr.Constant(i % 5 == 0 ? null : "v" + i, SqlType.TEXT)));
        }
        PlanNode.Values source = new PlanNode.Values(List.of(SqlType.INTEGER, SqlType.TEXT), values, ENTRY);
        PlanNode.Motion redistribute = new PlanNode.Motion(MotionKind.REDISTRIBUTE, source, List.of(0), List.of(), 1,
                new Locus.Hashed(List.of(0), SEGMENTS));
        PlanNode.Insert insert = new PlanNode.Insert(redistribute, t, new Locus.Hashed(List.of(0), SEGMENTS));
        PlannedStatement plan = new PlannedStatement(PlannedStatement.Command.INSERT, insert, List.of(
                new Slice(0, GangType.PRIMARY_WRITER, List.of(0, 1), OptionalInt.empty(), insert),
                new Slice(1, GangType.ENTRYDB_READER, List.of(-1), OptionalInt.of(0), redistribute)), List.of());
        for (FakeStorage s : storage) {
            s.createTable(t);
        }
        CancelState cancel = new CancelState();
        List<Future<Long>> senders = startSenders(plan, cancel);
        List<Future<Long>> counts = new ArrayList<>();
        for (int seg = 0; seg < SEGMENTS; seg++) {
            ExecutionContext ctx = context(plan, 0, seg, cancel);
            counts.add(threads.submit(() -> SliceRunner.drainCount(SliceRunner.openSlice(ctx))));
        }
        assertThat(total(counts)).isEqualTo(50);
        assertThat(total(senders)).isEqualTo(50);
        int stored = 0;
        for (int seg = 0; seg < SEGMENTS; seg++) {
            assertThat(storage[seg].flushes).isEqualTo(1);
            for (List<Object> r : storage[seg].rows(t)) {
                assertThat(DistributionHash.segmentFor(DistributionHash.hash(List.of(r.get(0))), SEGMENTS)).isEqualTo(seg);
                stored++;
            }
        }
        assertThat(stored).isEqualTo(50);
    }

    @Test
    void insertRefusesNullsInNotNullColumns() {
        command = 4;
        TableDescriptor t = table(6, "things", List.of(new Column("id", SqlType.INTEGER)), true);
        PlanNode.Values source = new PlanNode.Values(List.of(SqlType.INTEGER),
                List.of(List.of(new Expr.Constant(1, SqlType.INTEGER)), List.of(new Expr.Constant(null, SqlType.INTEGER))),
                new Locus.General());
        PlanNode.Insert insert = new PlanNode.Insert(source, t, new Locus.SingleQe());
        PlannedStatement plan = new PlannedStatement(PlannedStatement.Command.INSERT, insert, List.of(
                new Slice(0, GangType.PRIMARY_WRITER, List.of(0, 1), OptionalInt.empty(), insert)), List.of());
        assertThatThrownBy(() -> SliceRunner.drainCount(SliceRunner.openSlice(context(plan, 0, 0, new CancelState()))))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.NOT_NULL_VIOLATION))
                .hasMessage("null value in column \"id\" of relation \"things\" violates not-null constraint");
        assertThat(storage[0].rows(t)).isEmpty();
    }

    @Test
    void limitOnTheCoordinatorStopsTheSenders() throws Exception {
        command = 5;
        TableDescriptor t = table(7, "big", List.of(new Column("a", SqlType.INTEGER)));
        for (int i = 0; i < 20_000; i++) {
            storage[i % 2].load(t, List.of(List.of(i)));
        }
        PlanNode.Motion gather = new PlanNode.Motion(MotionKind.GATHER,
                new PlanNode.SeqScan(t, "big", List.of(0), Optional.empty(), STREWN), List.of(), List.of(), 1, ENTRY);
        PlanNode limit = new PlanNode.Limit(gather, OptionalLong.of(5), 0, ENTRY);
        PlannedStatement plan = select(limit, segmentSlice(1, 0, gather));
        CancelState cancel = new CancelState();
        List<Future<Long>> senders = startSenders(plan, cancel);
        assertThat(drain(SliceRunner.openSlice(context(plan, 0, 0, cancel)))).hasSize(5);
        assertThat(total(senders)).isLessThan(20_000);
        assertThat(storage[0].openScans).isZero();
        assertThat(storage[1].openScans).isZero();
    }

    @Test
    void cancelWakesSlicesBlockedOnTheInterconnect() throws Exception {
        command = 6;
        TableDescriptor t = table(8, "big", List.of(new Column("a", SqlType.INTEGER)));
        for (int i = 0; i < 5_000; i++) {
            storage[i % 2].load(t, List.of(List.of(i)));
        }
        PlanNode.Motion gather = new PlanNode.Motion(MotionKind.GATHER,
                new PlanNode.SeqScan(t, "big", List.of(0), Optional.empty(), STREWN), List.of(), List.of(), 1, ENTRY);
        PlannedStatement plan = select(gather, segmentSlice(1, 0, gather));

        // Senders fill their queues and block: nobody reads yet.
        CancelState segmentCancel = new CancelState();
        List<Future<Long>> senders = startSenders(plan, segmentCancel);
        // The coordinator reads one batch, then waits for a slice that will never send (slice 2 of another command).
        CancelState qdCancel = new CancelState();
        PlanNode.Motion orphan = new PlanNode.Motion(MotionKind.GATHER,
                new PlanNode.SeqScan(t, "big", List.of(0), Optional.empty(), STREWN), List.of(), List.of(), 1, ENTRY);
        PlannedStatement orphanPlan = select(orphan, segmentSlice(1, 0, orphan));
        command = 99;
        Future<List<List<Object>>> qd = threads.submit(() -> drain(SliceRunner.openSlice(context(orphanPlan, 0, 0, qdCancel))));

        segmentCancel.cancel();
        qdCancel.cancel("canceling statement due to statement timeout");
        for (Future<Long> sender : senders) {
            assertThatThrownBy(() -> sender.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.QUERY_CANCELED))
                    .hasMessage(CancelState.USER_REQUEST);
        }
        assertThatThrownBy(() -> qd.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.QUERY_CANCELED))
                .hasMessage("canceling statement due to statement timeout");
    }

    @Test
    void anErrorInASendingSliceReachesTheReceiver() throws Exception {
        command = 7;
        TableDescriptor t = table(9, "t", List.of(new Column("a", SqlType.INTEGER)));
        storage[0].load(t, List.of(List.of(1), List.of(0)));
        storage[1].load(t, List.of(List.of(2)));
        Expr inverse = new Expr.Call(io.gangway.spi.query.ScalarFunction.DIVIDE,
                List.of(new Expr.Constant(10, SqlType.INTEGER), new Expr.InputRef(0, SqlType.INTEGER)), SqlType.INTEGER);
        PlanNode.Motion gather = new PlanNode.Motion(MotionKind.GATHER, new PlanNode.Project(
                new PlanNode.SeqScan(t, "t", List.of(0), Optional.empty(), STREWN), List.of(inverse), STREWN),
                List.of(), List.of(), 1, ENTRY);
        PlannedStatement plan = select(gather, segmentSlice(1, 0, gather));
        CancelState cancel = new CancelState();
        List<Future<Long>> senders = startSenders(plan, cancel);
        assertThatThrownBy(() -> drain(SliceRunner.openSlice(context(plan, 0, 0, cancel))))
                .isInstanceOfSatisfying(SqlException.class,
                        e -> assertThat(e.state()).isEqualTo(SqlState.GP_INTERCONNECTION_ERROR))
                .hasMessageContaining("division by zero");
        assertThatThrownBy(() -> senders.get(0).get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.DIVISION_BY_ZERO));
    }
}
