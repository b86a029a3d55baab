package io.gangway.planner;

import static io.gangway.planner.PlanTrees.all;
import static io.gangway.planner.PlanTrees.motionKinds;
import static io.gangway.planner.PlanTrees.spine;
import static io.gangway.tck.planner.PlannerFixtures.R1;
import static io.gangway.tck.planner.PlannerFixtures.RND;
import static io.gangway.tck.planner.PlannerFixtures.T1;
import static io.gangway.tck.planner.PlannerFixtures.T2;
import static io.gangway.tck.planner.PlannerFixtures.T3;
import static io.gangway.tck.planner.QueryBuilder.avg;
import static io.gangway.tck.planner.QueryBuilder.count;
import static io.gangway.tck.planner.QueryBuilder.countDistinct;
import static io.gangway.tck.planner.QueryBuilder.countStar;
import static io.gangway.tck.planner.QueryBuilder.eq;
import static io.gangway.tck.planner.QueryBuilder.gt;
import static io.gangway.tck.planner.QueryBuilder.join;
import static io.gangway.tck.planner.QueryBuilder.lit;
import static io.gangway.tck.planner.QueryBuilder.ref;
import static io.gangway.tck.planner.QueryBuilder.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.Column;
import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.spi.plan.AggregateStage;
import io.gangway.spi.plan.GangType;
import io.gangway.spi.plan.Locus;
import io.gangway.spi.plan.MotionKind;
import io.gangway.spi.plan.PlanNode;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.spi.plan.Slice;
import io.gangway.spi.plan.SortKey;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.FromNode.JoinType;
import io.gangway.spi.query.Query;
import io.gangway.tck.planner.PlanInvariants;
import io.gangway.tck.planner.PlannerFixtures;
import io.gangway.tck.planner.QueryBuilder;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RulesPlannerTest {
    private final RulesPlanner planner = new RulesPlanner();

    private PlannedStatement plan(Query query) {
        PlannedStatement plan = planner.plan(query, PlannerFixtures.context());
        PlanInvariants.check(plan);
        return plan;
    }

    @Test
    void scanWithFilterIsGathered() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1");
        PlannedStatement plan = plan(q.where(gt(q.col(0, "b"), lit(1))).select("a", q.col(0, "a")).build());

        PlanNode.Motion gather = (PlanNode.Motion) plan.root();
        assertThat(gather.kind()).isEqualTo(MotionKind.GATHER);
        assertThat(gather.locus()).isEqualTo(new Locus.Entry());
        PlanNode.Project project = (PlanNode.Project) gather.input();
        PlanNode.SeqScan scan = (PlanNode.SeqScan) project.input();
        assertThat(scan.columns()).containsExactly(0, 1);
        assertThat(scan.locus()).isEqualTo(new Locus.Hashed(List.of(0), 2));
        assertThat(scan.filter()).contains(new Expr.Call(io.gangway.spi.query.ScalarFunction.GREATER,
                List.of(new Expr.InputRef(1, SqlType.INTEGER), lit(1)), SqlType.BOOLEAN));
        assertThat(project.expressions()).containsExactly(new Expr.InputRef(0, SqlType.INTEGER));
        assertThat(project.locus()).isEqualTo(new Locus.Hashed(List.of(0), 2));
        assertThat(plan.slices()).extracting(Slice::gangType)
                .containsExactly(GangType.UNALLOCATED, GangType.PRIMARY_READER);
        assertThat(plan.slice(1).contents()).containsExactly(0, 1);
        assertThat(plan.slice(1).parent()).isEqualTo(OptionalInt.of(0));
        assertThat(plan.resultColumns()).containsExactly(new Column("a", SqlType.INTEGER));
    }

    @Test
    void scanLosesItsHashLocusWhenTheKeyIsProjectedAway() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1");
        PlannedStatement plan = plan(q.select("b", q.col(0, "b")).build());
        PlanNode.SeqScan scan = all(plan.root(), PlanNode.SeqScan.class).getFirst();
        assertThat(scan.columns()).containsExactly(1);
        assertThat(scan.locus()).isEqualTo(new Locus.Strewn(2));
    }

    @Test
    void joinOnBothDistributionKeysNeedsNoMotion() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1").table(T2, "t2");
        PlannedStatement plan = plan(q.from(join(JoinType.INNER, ref(0), ref(1), eq(q.col(0, "a"), q.col(1, "x"))))
                .select("b", q.col(0, "b")).select("y", q.col(1, "y")).build());

        assertThat(motionKinds(plan.root())).containsExactly(MotionKind.GATHER);
        PlanNode.HashJoin join = all(plan.root(), PlanNode.HashJoin.class).getFirst();
        assertThat(join.leftKeys()).containsExactly(new Expr.InputRef(0, SqlType.INTEGER));
        assertThat(join.rightKeys()).containsExactly(new Expr.InputRef(0, SqlType.INTEGER));
        assertThat(join.residual()).isEmpty();
        assertThat(join.locus()).isEqualTo(new Locus.Hashed(List.of(0), 2));
        assertThat(plan.slices()).hasSize(2);
    }

    @Test
    void whereEqualityOfCommaJoinBecomesJoinKeysAndRedistributesTheSideNotOnItsKey() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1").table(T2, "t2");
        PlannedStatement plan = plan(q.where(QueryBuilder.and(eq(q.col(0, "a"), q.col(1, "y")), gt(q.col(1, "x"), lit(5))))
                .select("b", q.col(0, "b")).select("x", q.col(1, "x")).build());

        PlanNode.HashJoin join = all(plan.root(), PlanNode.HashJoin.class).getFirst();
        assertThat(join.joinType()).isEqualTo(JoinType.INNER);
        assertThat(join.left()).isInstanceOf(PlanNode.SeqScan.class);
        PlanNode.Motion redistribute = (PlanNode.Motion) join.right();
        assertThat(redistribute.kind()).isEqualTo(MotionKind.REDISTRIBUTE);
        PlanNode.SeqScan t2 = (PlanNode.SeqScan) redistribute.input();
        assertThat(t2.columns()).containsExactly(0, 1);
        assertThat(t2.filter()).isPresent();
        assertThat(redistribute.hashColumns()).containsExactly(1);
        assertThat(redistribute.locus()).isEqualTo(new Locus.Hashed(List.of(1), 2));
        assertThat(join.locus()).isEqualTo(new Locus.Hashed(List.of(0), 2));
        assertThat(redistribute.sendingSlice()).isEqualTo(2);
        assertThat(plan.slice(2).parent()).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void joinOnNeitherKeyRedistributesBothSides() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1").table(T2, "t2");
        PlannedStatement plan = plan(q.from(join(JoinType.LEFT, ref(0), ref(1), eq(q.col(0, "b"), q.col(1, "y"))))
                .select("a", q.col(0, "a")).select("x", q.col(1, "x")).build());

        PlanNode.HashJoin join = all(plan.root(), PlanNode.HashJoin.class).getFirst();
        assertThat(join.joinType()).isEqualTo(JoinType.LEFT);
        assertThat(((PlanNode.Motion) join.left()).hashColumns()).containsExactly(1);
        assertThat(((PlanNode.Motion) join.right()).hashColumns()).containsExactly(1);
        assertThat(join.locus()).isEqualTo(new Locus.Hashed(List.of(1), 2));
        assertThat(motionKinds(plan.root()))
                .containsExactly(MotionKind.GATHER, MotionKind.REDISTRIBUTE, MotionKind.REDISTRIBUTE);
    }

    @Test
    void joinWithReplicatedTableNeedsNoMotion() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1").table(R1, "r1");
        PlannedStatement plan = plan(q.where(eq(q.col(0, "b"), q.col(1, "k")))
                .select("a", q.col(0, "a")).select("v", q.col(1, "v")).build());

        assertThat(motionKinds(plan.root())).containsExactly(MotionKind.GATHER);
        assertThat(all(plan.root(), PlanNode.HashJoin.class).getFirst().locus())
                .isEqualTo(new Locus.Hashed(List.of(0), 2));
    }

    @Test
    void replicatedTableIsGatheredFromOneSegment() {
        QueryBuilder q = new QueryBuilder().table(R1, "r1");
        PlannedStatement plan = plan(q.select("v", q.col(0, "v")).build());

        assertThat(plan.slice(1).gangType()).isEqualTo(GangType.SINGLETON_READER);
        assertThat(plan.slice(1).contents()).hasSize(1);
    }

    @Test
    void nonEquiJoinBroadcastsTheInnerSide() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1").table(RND, "rnd");
        PlannedStatement plan = plan(q.where(gt(q.col(0, "a"), q.col(1, "b")))
                .select("a", q.col(0, "a")).select("b", q.col(1, "b")).build());

        PlanNode.NestedLoopJoin join = all(plan.root(), PlanNode.NestedLoopJoin.class).getFirst();
        assertThat(join.condition()).isPresent();
        assertThat(((PlanNode.Motion) join.right()).kind()).isEqualTo(MotionKind.BROADCAST);
    }

    @Test
    void rightJoinIsRefused() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1").table(T2, "t2");
        Query query = q.from(join(JoinType.FULL, ref(0), ref(1), eq(q.col(0, "a"), q.col(1, "x"))))
                .select("a", q.col(0, "a")).build();
        assertThatThrownBy(() -> planner.plan(query, PlannerFixtures.context()))
                .isInstanceOfSatisfying(SqlException.class,
                        e -> assertThat(e.state()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
    }

    @Test
    void aggregateWithoutKeysRunsInTwoStagesAroundAGather() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1");
        PlannedStatement plan = plan(q.select("count", countStar()).select("sum", sum(q.col(0, "b")))
                .select("avg", avg(q.col(0, "b"))).build());

        assertThat(spine(plan.root())).containsExactly("Aggregate", "Motion", "Aggregate", "SeqScan");
        PlanNode.Aggregate fin = (PlanNode.Aggregate) plan.root();
        PlanNode.Aggregate partial = all(plan.root(), PlanNode.Aggregate.class).get(1);
        assertThat(fin.stage()).isEqualTo(AggregateStage.FINAL);
        assertThat(partial.stage()).isEqualTo(AggregateStage.PARTIAL);
        assertThat(partial.outputTypes())
                .containsExactly(SqlType.BIGINT, SqlType.BIGINT, SqlType.NUMERIC, SqlType.BIGINT);
        assertThat(fin.aggregates()).extracting(c -> c.arguments().getFirst()).containsExactly(
                new Expr.InputRef(0, SqlType.BIGINT), new Expr.InputRef(1, SqlType.BIGINT),
                new Expr.InputRef(2, SqlType.NUMERIC));
        assertThat(fin.locus()).isEqualTo(new Locus.Entry());
        assertThat(fin.outputTypes()).containsExactly(SqlType.BIGINT, SqlType.BIGINT, SqlType.NUMERIC);
    }

    @Test
    void aggregateByNonKeyRedistributesPartialStatesOnTheGroupKeys() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1");
        PlannedStatement plan = plan(q.groupBy(q.col(0, "b")).select("b", q.col(0, "b"))
                .select("c", count(q.col(0, "a"))).having(gt(sum(q.col(0, "a")), new Expr.Constant(10L, SqlType.BIGINT)))
                .build());

        assertThat(spine(plan.root()))
                .containsExactly("Motion", "Project", "Filter", "Aggregate", "Motion", "Aggregate", "SeqScan");
        List<PlanNode.Aggregate> aggs = all(plan.root(), PlanNode.Aggregate.class);
        assertThat(aggs.get(0).stage()).isEqualTo(AggregateStage.FINAL);
        assertThat(aggs.get(0).groupKeys()).containsExactly(new Expr.InputRef(0, SqlType.INTEGER));
        assertThat(aggs.get(0).aggregates()).hasSize(2);
        assertThat(aggs.get(0).locus()).isEqualTo(new Locus.Hashed(List.of(0), 2));
        PlanNode.Motion redistribute = all(plan.root(), PlanNode.Motion.class).get(1);
        assertThat(redistribute.kind()).isEqualTo(MotionKind.REDISTRIBUTE);
        assertThat(redistribute.hashColumns()).containsExactly(0);
        PlanNode.Filter having = all(plan.root(), PlanNode.Filter.class).getFirst();
        assertThat(having.predicate().toString()).contains("InputRef[index=2, type=bigint]");
    }

    @Test
    void aggregateByTheDistributionKeyIsOneStageWithoutMotion() {
        QueryBuilder q = new QueryBuilder().table(T3, "t3");
        PlannedStatement plan = plan(q.groupBy(q.col(0, "q")).groupBy(q.col(0, "p")).groupBy(q.col(0, "s"))
                .select("p", q.col(0, "p")).select("count", countStar()).build());

        List<PlanNode.Aggregate> aggs = all(plan.root(), PlanNode.Aggregate.class);
        assertThat(aggs).singleElement().satisfies(a -> {
            assertThat(a.stage()).isEqualTo(AggregateStage.SINGLE);
            // Hashed on (p, q): the group keys are (q, p, s), so p is key 1 and q is key 0.
            assertThat(a.locus()).isEqualTo(new Locus.Hashed(List.of(1, 0), 2));
        });
        assertThat(motionKinds(plan.root())).containsExactly(MotionKind.GATHER);
    }

    @Test
    void multiphaseAggregationCanBeTurnedOff() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1");
        Query query = q.groupBy(q.col(0, "b")).select("b", q.col(0, "b")).select("count", countStar()).build();
        PlannedStatement plan = planner.plan(query,
                PlannerFixtures.context(Settings.EMPTY.with("gp_enable_multiphase_agg", "off")));
        PlanInvariants.check(plan);
        assertThat(all(plan.root(), PlanNode.Aggregate.class)).extracting(PlanNode.Aggregate::stage)
                .containsExactly(AggregateStage.SINGLE);
        assertThat(motionKinds(plan.root())).containsExactly(MotionKind.GATHER, MotionKind.REDISTRIBUTE);
    }

    @Test
    void countDistinctRedistributesOnTheGroupKeysThenAggregatesOnce() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1");
        PlannedStatement plan = plan(q.groupBy(q.col(0, "b")).select("b", q.col(0, "b"))
                .select("count", countDistinct(q.col(0, "a"))).build());

        assertThat(spine(plan.root())).containsExactly("Motion", "Aggregate", "Motion", "SeqScan");
        PlanNode.Aggregate agg = all(plan.root(), PlanNode.Aggregate.class).getFirst();
        assertThat(agg.stage()).isEqualTo(AggregateStage.SINGLE);
        assertThat(agg.aggregates().getFirst().distinct()).isTrue();
        assertThat(all(plan.root(), PlanNode.Motion.class).get(1).hashColumns()).containsExactly(1);
    }

    @Test
    void countDistinctWithoutKeysGathersFirst() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1");
        PlannedStatement plan = plan(q.select("count", countDistinct(q.col(0, "b"))).build());
        assertThat(spine(plan.root())).containsExactly("Aggregate", "Motion", "SeqScan");
        assertThat(((PlanNode.Aggregate) plan.root()).locus()).isEqualTo(new Locus.Entry());
    }

    @Test
    void selectDistinctIsAnAggregateWithoutAggregates() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1");
        PlannedStatement plan = plan(q.distinct().select("b", q.col(0, "b")).build());
        List<PlanNode.Aggregate> aggs = all(plan.root(), PlanNode.Aggregate.class);
        assertThat(aggs).extracting(PlanNode.Aggregate::stage).containsExactly(AggregateStage.FINAL, AggregateStage.PARTIAL);
        assertThat(aggs).allSatisfy(a -> assertThat(a.aggregates()).isEmpty());
    }

    @Test
    void orderByWithLimitSortsOnSegmentsAndMergesAtTheCoordinator() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1");
        PlannedStatement plan = plan(q.select("a", q.col(0, "a")).junk("b", q.col(0, "b"))
                .orderBy(1, false).limit(10).offset(5).build());

        assertThat(spine(plan.root())).containsExactly("Project", "Limit", "Motion", "Limit", "Sort", "SeqScan");
        PlanNode.Limit top = all(plan.root(), PlanNode.Limit.class).get(0);
        PlanNode.Limit local = all(plan.root(), PlanNode.Limit.class).get(1);
        assertThat(top.count()).isEqualTo(OptionalLong.of(10));
        assertThat(top.offset()).isEqualTo(5);
        assertThat(top.locus()).isEqualTo(new Locus.Entry());
        assertThat(local.count()).isEqualTo(OptionalLong.of(15));
        assertThat(local.offset()).isZero();
        PlanNode.Motion gather = all(plan.root(), PlanNode.Motion.class).getFirst();
        assertThat(gather.mergeKeys()).containsExactly(new SortKey(1, false, true));
        assertThat(plan.root().outputTypes()).containsExactly(SqlType.INTEGER);
    }

    @Test
    void insertValuesRedistributesFromAnEntryReaderToTheWriterGang() {
        QueryBuilder q = QueryBuilder.insertInto(T1)
                .values(List.of(new Column("column1", SqlType.INTEGER), new Column("column2", SqlType.INTEGER)),
                        List.of(List.of(lit(1), lit(2)), List.of(lit(3), lit(4))));
        PlannedStatement plan = plan(q.select("a", q.col(0, "column1")).select("b", q.col(0, "column2")).build());

        assertThat(spine(plan.root())).containsExactly("Insert", "Motion", "Values");
        PlanNode.Motion motion = (PlanNode.Motion) plan.root().inputs().getFirst();
        assertThat(motion.kind()).isEqualTo(MotionKind.REDISTRIBUTE);
        assertThat(motion.hashColumns()).containsExactly(0);
        assertThat(motion.input().locus()).isEqualTo(new Locus.Entry());
        assertThat(plan.slices()).extracting(Slice::gangType)
                .containsExactly(GangType.PRIMARY_WRITER, GangType.ENTRYDB_READER);
        assertThat(plan.slice(0).contents()).containsExactly(0, 1);
        assertThat(plan.slice(1).contents()).containsExactly(-1);
        assertThat(plan.resultColumns()).isEmpty();
    }

    @Test
    void insertSelectBetweenTablesHashedAlikeNeedsNoMotion() {
        QueryBuilder q = QueryBuilder.insertInto(T2).table(T1, "t1");
        PlannedStatement plan = plan(q.where(gt(q.col(0, "b"), lit(0)))
                .select("x", q.col(0, "a")).select("y", q.col(0, "b")).build());

        assertThat(motionKinds(plan.root())).isEmpty();
        assertThat(plan.slices()).singleElement().satisfies(s -> {
            assertThat(s.gangType()).isEqualTo(GangType.PRIMARY_WRITER);
            assertThat(s.root()).isEqualTo(plan.root());
        });
    }

    @Test
    void insertSelectOnAnotherKeyRedistributes() {
        QueryBuilder q = QueryBuilder.insertInto(T2).table(T1, "t1");
        PlannedStatement plan = plan(q.select("x", q.col(0, "b")).select("y", q.col(0, "a")).build());
        PlanNode.Motion motion = (PlanNode.Motion) plan.root().inputs().getFirst();
        assertThat(motion.kind()).isEqualTo(MotionKind.REDISTRIBUTE);
        assertThat(motion.hashColumns()).containsExactly(0);
        assertThat(plan.slices()).extracting(Slice::gangType)
                .containsExactly(GangType.PRIMARY_WRITER, GangType.PRIMARY_READER);
    }

    @Test
    void insertIntoRandomAndReplicatedTables() {
        QueryBuilder q = QueryBuilder.insertInto(RND).table(T1, "t1");
        PlannedStatement random = plan(q.select("a", q.col(0, "b")).select("b", q.col(0, "a")).build());
        assertThat(motionKinds(random.root())).isEmpty();

        q = QueryBuilder.insertInto(RND).values(List.of(new Column("column1", SqlType.INTEGER)),
                List.of(List.of(lit(1))));
        PlannedStatement roundRobin = plan(q.select("a", q.col(0, "column1")).select("b", lit(2)).build());
        PlanNode.Motion motion = all(roundRobin.root(), PlanNode.Motion.class).getFirst();
        assertThat(motion.kind()).isEqualTo(MotionKind.REDISTRIBUTE);
        assertThat(motion.hashColumns()).isEmpty();
        assertThat(motion.locus()).isEqualTo(new Locus.Strewn(2));

        q = QueryBuilder.insertInto(R1).table(T1, "t1");
        PlannedStatement replicated = plan(q.select("k", q.col(0, "a")).select("v", lit("x")).build());
        assertThat(motionKinds(replicated.root())).containsExactly(MotionKind.BROADCAST);
        assertThat(replicated.slice(0).gangType()).isEqualTo(GangType.PRIMARY_WRITER);
    }

    @Test
    void slicesAreNumberedInPreorderWithTheirParents() {
        // (t1 JOIN t2 ON t1.b = t2.y) JOIN t3 ON t1.b = t3.q: each join redistributes both sides.
        QueryBuilder q = new QueryBuilder().table(T1, "t1").table(T2, "t2").table(T3, "t3");
        PlannedStatement plan = plan(q.from(join(JoinType.INNER,
                        join(JoinType.INNER, ref(0), ref(1), eq(q.col(0, "b"), q.col(1, "y"))),
                        ref(2), eq(q.col(0, "b"), q.col(2, "q"))))
                .select("a", q.col(0, "a")).select("s", q.col(2, "s")).build());

        List<PlanNode.Motion> motions = all(plan.root(), PlanNode.Motion.class);
        assertThat(motions).extracting(PlanNode.Motion::sendingSlice).containsExactly(1, 2, 3, 4);
        assertThat(plan.slices()).extracting(s -> s.parent().orElse(-1)).containsExactly(-1, 0, 1, 1, 1);
        assertThat(plan.slices()).extracting(Slice::gangType).containsExactly(GangType.UNALLOCATED,
                GangType.PRIMARY_READER, GangType.PRIMARY_READER, GangType.PRIMARY_READER, GangType.PRIMARY_READER);
        // The inner join output stays hashed on t1.b, which is the second join's key: t3 moves alone.
        assertThat(motions.get(1).kind()).isEqualTo(MotionKind.REDISTRIBUTE);
        assertThat(motions.get(3).input()).isInstanceOf(PlanNode.SeqScan.class);
    }

    @Test
    void subqueryWithLimitIsGatheredBeforeTheOuterAggregate() {
        QueryBuilder inner = new QueryBuilder().table(T1, "t1");
        Query sub = inner.select("a", inner.col(0, "a")).limit(3).build();
        QueryBuilder q = new QueryBuilder().subquery(sub, "s");
        PlannedStatement plan = plan(q.select("sum", sum(q.col(0, "a"))).build());
        assertThat(spine(plan.root())).containsExactly("Aggregate", "Limit", "Motion", "Limit", "SeqScan");
        assertThat(plan.root().locus()).isEqualTo(new Locus.Entry());
    }

    @Test
    void factoryIsFoundThroughTheExtension() {
        List<io.gangway.spi.ServiceFactory<?>> factories = java.util.ServiceLoader.load(io.gangway.spi.Extension.class)
                .stream().map(p -> p.get()).filter(e -> e.name().equals("rules"))
                .flatMap(e -> e.factories().stream()).toList();
        assertThat(factories).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("rules");
            assertThat(f.type()).isEqualTo(io.gangway.spi.planner.Planner.class);
        });
    }
}
