package io.gangway.tck.planner;

import static io.gangway.tck.planner.PlannerFixtures.R1;
import static io.gangway.tck.planner.PlannerFixtures.RND;
import static io.gangway.tck.planner.PlannerFixtures.T1;
import static io.gangway.tck.planner.PlannerFixtures.T2;
import static io.gangway.tck.planner.PlannerFixtures.T3;
import static io.gangway.tck.planner.QueryBuilder.and;
import static io.gangway.tck.planner.QueryBuilder.avg;
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
import io.gangway.api.DistributionHash;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.spi.plan.GangType;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.spi.planner.Planner;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.FromNode.JoinType;
import io.gangway.spi.query.Query;
import io.gangway.tck.Behaviors;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The planner contract: for a set of representative statements over a two-segment cluster
 * ({@link PlannerFixtures}), every plan keeps the {@link PlanInvariants}, and EXPLAIN prints it.
 * An implementation's test extends this class, supplies the planner, and turns off in
 * {@link #hasBehavior} the {@link PlannerBehavior}s it lacks.
 */
public abstract class PlannerContractTest {
    private final EnumSet<PlannerBehavior> behaviors = Behaviors.check(PlannerBehavior.class, this::hasBehavior);
    protected Planner planner;

    protected abstract Planner createPlanner();

    /** Whether the planner has {@code behavior}; an implementation without one must refuse it with SQLSTATE 0A000. */
    protected boolean hasBehavior(PlannerBehavior behavior) {
        return true;
    }

    @BeforeEach
    final void setUpPlanner() {
        planner = createPlanner();
    }

    static Stream<Arguments> statements() {
        return representativeStatements().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void planKeepsInvariants(String name, Query query) {
        PlannedStatement plan = planner.plan(query, PlannerFixtures.context());
        PlanInvariants.check(plan, PlannerFixtures.SEGMENTS);
        assertThat(plan.command().name()).isEqualTo(query.command().name());
        if (query.command() == Query.CommandType.SELECT) {
            assertThat(plan.resultColumns()).isEqualTo(query.resultColumns());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void explainPrintsThePlan(String name, Query query) {
        PlannedStatement plan = planner.plan(query, PlannerFixtures.context());
        List<String> lines = planner.explain(plan, false);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines.getLast()).startsWith("Optimizer: ");
        assertThat(planner.explain(plan, true).getLast()).startsWith("Optimizer: ");
        for (int i = 1; i < plan.slices().size(); i++) {
            String sliceTag = "(slice" + i + ";";
            assertThat(lines).as("a motion line naming slice %d", i).anyMatch(l -> l.contains(sliceTag));
        }
    }

    @Test
    void selectFromPartitionedTableUsesReaderGangOnEverySegment() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1");
        PlannedStatement plan = planner.plan(q.select("a", q.col(0, "a")).build(), PlannerFixtures.context());
        assertThat(plan.slices()).anyMatch(s -> s.gangType() == GangType.PRIMARY_READER
                && s.contents().equals(List.of(0, 1)));
    }

    @Test
    void insertWritesOnEverySegmentOfTheTarget() {
        PlannedStatement plan = planner.plan(insertValues(), PlannerFixtures.context());
        assertThat(plan.slice(0).contents()).containsExactly(0, 1);
    }

    @Test
    void equalityOnTheWholeDistributionKeyDispatchesToItsSegment() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1");
        assertScanSliceContents(q.where(eq(q.col(0, "a"), lit(5))).select("b", q.col(0, "b")).build(),
                segmentOf(5));

        q = new QueryBuilder().table(T3, "t3");
        assertScanSliceContents(q.where(and(eq(q.col(0, "q"), lit(7)), eq(lit(3), q.col(0, "p"))))
                .select("s", q.col(0, "s")).build(), segmentOf(3, 7));
    }

    @Test
    void equalityOnPartOfTheKeyOrOnARandomTableDispatchesEverywhere() {
        QueryBuilder q = new QueryBuilder().table(T3, "t3");
        assertScanSliceContents(q.where(eq(q.col(0, "p"), lit(3))).select("s", q.col(0, "s")).build(), 0, 1);

        q = new QueryBuilder().table(RND, "rnd");
        assertScanSliceContents(q.where(eq(q.col(0, "a"), lit(3))).select("b", q.col(0, "b")).build(), 0, 1);

        q = new QueryBuilder().table(T1, "t1");
        assertScanSliceContents(q.where(gt(q.col(0, "a"), lit(3))).select("b", q.col(0, "b")).build(), 0, 1);
    }

    /** The slice scanning the table runs on {@code direct} alone, or everywhere without the feature. */
    private void assertScanSliceContents(Query query, int... direct) {
        PlannedStatement plan = planner.plan(query, PlannerFixtures.context());
        PlanInvariants.check(plan, PlannerFixtures.SEGMENTS);
        List<Integer> expected = behaviors.contains(PlannerBehavior.SUPPORTS_DIRECT_DISPATCH)
                ? java.util.Arrays.stream(direct).boxed().toList()
                : List.of(0, 1);
        assertThat(plan.slices()).filteredOn(s -> !s.onCoordinator()).singleElement()
                .satisfies(s -> assertThat(s.contents()).isEqualTo(expected));
    }

    /** The segment a row with these distribution-key values is stored on. */
    private static int segmentOf(Object... keyValues) {
        return DistributionHash.segmentFor(DistributionHash.hash(List.of(keyValues)), PlannerFixtures.SEGMENTS);
    }

    @Test
    void rightJoinIsPlannedOrRefused() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1").table(T2, "t2");
        Query query = q.from(join(JoinType.RIGHT, ref(0), ref(1), eq(q.col(0, "a"), q.col(1, "x"))))
                .select("a", q.col(0, "a")).select("y", q.col(1, "y")).build();
        if (behaviors.contains(PlannerBehavior.SUPPORTS_RIGHT_AND_FULL_JOIN)) {
            PlanInvariants.check(planner.plan(query, PlannerFixtures.context()));
        } else {
            assertThatThrownBy(() -> planner.plan(query, PlannerFixtures.context()))
                    .isInstanceOfSatisfying(SqlException.class,
                            e -> assertThat(e.state()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
        }
    }

    /** Statements covering scans, joins of every placement, aggregation, ordering and INSERT. */
    public static Map<String, Query> representativeStatements() {
        Map<String, Query> out = new LinkedHashMap<>();
        QueryBuilder q = new QueryBuilder().table(T1, "t1");
        out.put("scan with filter", q.where(gt(q.col(0, "b"), lit(1))).select("a", q.col(0, "a")).build());

        q = new QueryBuilder().table(T3, "t3");
        out.put("direct dispatch", q.where(and(eq(q.col(0, "p"), lit(1)), eq(q.col(0, "q"), lit(2))))
                .select("count", countStar()).build());

        q = new QueryBuilder().table(T1, "t1").table(T2, "t2");
        out.put("co-located join", q.from(join(JoinType.INNER, ref(0), ref(1), eq(q.col(0, "a"), q.col(1, "x"))))
                .select("b", q.col(0, "b")).select("y", q.col(1, "y")).build());

        q = new QueryBuilder().table(T1, "t1").table(T2, "t2");
        out.put("join needing redistribute", q.where(eq(q.col(0, "a"), q.col(1, "y")))
                .select("b", q.col(0, "b")).select("x", q.col(1, "x")).build());

        q = new QueryBuilder().table(T1, "t1").table(T2, "t2");
        out.put("left join on non-keys", q.from(join(JoinType.LEFT, ref(0), ref(1), eq(q.col(0, "b"), q.col(1, "y"))))
                .select("a", q.col(0, "a")).select("x", q.col(1, "x")).build());

        q = new QueryBuilder().table(T1, "t1").table(R1, "r1");
        out.put("join with replicated", q.where(eq(q.col(0, "b"), q.col(1, "k")))
                .select("a", q.col(0, "a")).select("v", q.col(1, "v")).build());

        q = new QueryBuilder().table(R1, "r1");
        out.put("scan of replicated", q.select("v", q.col(0, "v")).build());

        q = new QueryBuilder().table(T1, "t1").table(RND, "rnd");
        out.put("cross join", q.select("a", q.col(0, "a")).select("b", q.col(1, "b")).build());

        q = new QueryBuilder().table(T1, "t1");
        out.put("aggregate without keys", q.select("count", countStar()).select("avg", avg(q.col(0, "b"))).build());

        q = new QueryBuilder().table(T1, "t1");
        out.put("aggregate by non-key", q.groupBy(q.col(0, "b")).select("b", q.col(0, "b"))
                .select("sum", sum(q.col(0, "a"))).having(gt(countStar(), new Expr.Constant(1L, SqlType.BIGINT))).build());

        q = new QueryBuilder().table(T3, "t3");
        out.put("aggregate by distribution key", q.groupBy(q.col(0, "p")).groupBy(q.col(0, "q"))
                .select("p", q.col(0, "p")).select("count", countStar()).build());

        q = new QueryBuilder().table(T1, "t1");
        out.put("count distinct", q.groupBy(q.col(0, "b")).select("b", q.col(0, "b"))
                .select("count", countDistinct(q.col(0, "a"))).build());

        q = new QueryBuilder().table(T1, "t1");
        out.put("select distinct", q.distinct().select("b", q.col(0, "b")).build());

        q = new QueryBuilder().table(T1, "t1");
        out.put("order by and limit", q.select("a", q.col(0, "a")).junk("b", q.col(0, "b"))
                .orderBy(1, false).limit(10).offset(5).build());

        q = new QueryBuilder();
        out.put("select without from", q.select("one", lit(1)).build());

        out.put("insert values", insertValues());

        q = QueryBuilder.insertInto(T2).table(T1, "t1");
        out.put("insert select", q.select("x", q.col(0, "a")).select("y", q.col(0, "b")).build());

        q = QueryBuilder.insertInto(R1).table(T1, "t1");
        out.put("insert into replicated", q.select("k", q.col(0, "a")).select("v", lit("x")).build());

        q = QueryBuilder.insertInto(RND).table(R1, "r1");
        out.put("insert into random from replicated", q.select("a", q.col(0, "k")).select("b", q.col(0, "k")).build());
        return out;
    }

    private static Query insertValues() {
        QueryBuilder q = QueryBuilder.insertInto(T1)
                .values(List.of(new Column("column1", SqlType.INTEGER), new Column("column2", SqlType.INTEGER)),
                        List.of(List.of(lit(1), lit(2)), List.of(lit(3), lit(4))));
        return q.select("a", q.col(0, "column1")).select("b", q.col(0, "column2")).build();
    }
}
