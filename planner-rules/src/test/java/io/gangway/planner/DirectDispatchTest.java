package io.gangway.planner;

import static io.gangway.tck.planner.PlannerFixtures.R1;
import static io.gangway.tck.planner.PlannerFixtures.RND;
import static io.gangway.tck.planner.PlannerFixtures.SEGMENTS;
import static io.gangway.tck.planner.PlannerFixtures.T1;
import static io.gangway.tck.planner.PlannerFixtures.T2;
import static io.gangway.tck.planner.PlannerFixtures.T3;
import static io.gangway.tck.planner.QueryBuilder.and;
import static io.gangway.tck.planner.QueryBuilder.countStar;
import static io.gangway.tck.planner.QueryBuilder.eq;
import static io.gangway.tck.planner.QueryBuilder.join;
import static io.gangway.tck.planner.QueryBuilder.lit;
import static io.gangway.tck.planner.QueryBuilder.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.api.DistributionHash;
import io.gangway.api.SqlType;
import io.gangway.spi.catalog.DistributionPolicy;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.plan.GangType;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.spi.plan.Slice;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.FromNode.JoinType;
import io.gangway.spi.query.Query;
import io.gangway.spi.query.ScalarFunction;
import io.gangway.tck.planner.PlanInvariants;
import io.gangway.tck.planner.PlannerFixtures;
import io.gangway.tck.planner.QueryBuilder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DirectDispatchTest {
    private static final TableDescriptor BIG = PlannerFixtures.table(10, "big",
            new DistributionPolicy.Hashed(List.of(0), SEGMENTS), "k", SqlType.BIGINT, "v", SqlType.INTEGER);
    private static final TableDescriptor NAMES = PlannerFixtures.table(11, "names",
            new DistributionPolicy.Hashed(List.of(1, 0), SEGMENTS), "d", SqlType.DATE, "s", SqlType.varchar(10));

    private final RulesPlanner planner = new RulesPlanner();

    private PlannedStatement plan(Query query) {
        PlannedStatement plan = planner.plan(query, PlannerFixtures.context());
        PlanInvariants.check(plan, SEGMENTS);
        return plan;
    }

    private static int segmentOf(Object... keyValues) {
        return DistributionHash.segmentFor(DistributionHash.hash(List.of(keyValues)), SEGMENTS);
    }

    /** The one slice on segments. */
    private static Slice segmentSlice(PlannedStatement plan) {
        List<Slice> onSegments = plan.slices().stream().filter(s -> !s.onCoordinator()).toList();
        assertThat(onSegments).hasSize(1);
        return onSegments.getFirst();
    }

    @Test
    void singleKeyEqualityRunsOnTheSegmentHoldingTheKey() {
        Set<Integer> seen = new HashSet<>();
        for (int key = 0; key < 10; key++) {
            QueryBuilder q = new QueryBuilder().table(T1, "t1");
            Slice slice = segmentSlice(plan(q.where(eq(q.col(0, "a"), lit(key))).select("b", q.col(0, "b")).build()));
            assertThat(slice.contents()).as("key %d", key).containsExactly(segmentOf(key));
            assertThat(slice.gangType()).isEqualTo(GangType.PRIMARY_READER);
            seen.add(slice.contents().getFirst());
        }
        assertThat(seen).as("keys 0..9 land on both segments").containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void multiColumnKeyNeedsEveryColumnInKeyOrder() {
        Set<Integer> seen = new HashSet<>();
        for (int p = 0; p < 6; p++) {
            QueryBuilder q = new QueryBuilder().table(T3, "t3");
            // Written q first: the hash still takes the values in key order (p, q).
            Query query = q.where(and(and(eq(q.col(0, "q"), lit(p * 10)), QueryBuilder.gt(q.col(0, "s"), lit("a"))),
                    eq(q.col(0, "p"), lit(p)))).select("s", q.col(0, "s")).build();
            Slice slice = segmentSlice(plan(query));
            assertThat(slice.contents()).containsExactly(segmentOf(p, p * 10));
            seen.add(slice.contents().getFirst());
        }
        assertThat(seen).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void partialKeyRandomAndReplicatedTablesAreNotNarrowed() {
        QueryBuilder q = new QueryBuilder().table(T3, "t3");
        assertThat(segmentSlice(plan(q.where(eq(q.col(0, "p"), lit(1))).select("s", q.col(0, "s")).build()))
                .contents()).containsExactly(0, 1);

        q = new QueryBuilder().table(RND, "rnd");
        assertThat(segmentSlice(plan(q.where(eq(q.col(0, "a"), lit(1))).select("b", q.col(0, "b")).build()))
                .contents()).containsExactly(0, 1);

        q = new QueryBuilder().table(R1, "r1");
        Slice replicated = segmentSlice(plan(q.where(eq(q.col(0, "k"), lit(1))).select("v", q.col(0, "v")).build()));
        assertThat(replicated.gangType()).isEqualTo(GangType.SINGLETON_READER);
        assertThat(replicated.contents()).containsExactly(SliceBuilder.SINGLETON_CONTENT);
    }

    @Test
    void nullAndContradictoryKeysAreNotNarrowed() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1");
        Query isNullConstant = q.where(eq(q.col(0, "a"), new Expr.Constant(null, SqlType.INTEGER)))
                .select("b", q.col(0, "b")).build();
        assertThat(segmentSlice(plan(isNullConstant)).contents()).containsExactly(0, 1);

        int a = 0;
        int b = 1;
        while (segmentOf(b) == segmentOf(a)) {
            b++;
        }
        q = new QueryBuilder().table(T1, "t1");
        Query contradictory = q.where(and(eq(q.col(0, "a"), lit(a)), eq(q.col(0, "a"), lit(b))))
                .select("b", q.col(0, "b")).build();
        assertThat(segmentSlice(plan(contradictory)).contents()).containsExactly(0, 1);

        q = new QueryBuilder().table(T1, "t1");
        Query repeated = q.where(and(eq(q.col(0, "a"), lit(b)), eq(lit(b), q.col(0, "a"))))
                .select("b", q.col(0, "b")).build();
        assertThat(segmentSlice(plan(repeated)).contents()).containsExactly(segmentOf(b));
    }

    @Test
    void countOnOneSegmentGathersFromOneSender() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1");
        PlannedStatement plan = plan(q.where(eq(q.col(0, "a"), lit(4))).select("count", countStar()).build());
        assertThat(segmentSlice(plan).contents()).containsExactly(segmentOf(4));
        assertThat(planner.explain(plan, false))
                .contains("  ->  Gather Motion 1:1  (slice1; segments: 1)");
    }

    @Test
    void coLocatedJoinOfTablesPinnedToOneSegmentRunsThere() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1").table(T2, "t2");
        PlannedStatement plan = plan(q.from(join(JoinType.INNER, ref(0), ref(1), eq(q.col(0, "a"), q.col(1, "x"))))
                .where(and(eq(q.col(0, "a"), lit(9)), eq(q.col(1, "x"), lit(9))))
                .select("b", q.col(0, "b")).select("y", q.col(1, "y")).build());
        assertThat(segmentSlice(plan).contents()).containsExactly(segmentOf(9));

        // Only one side pinned: the other side's rows are everywhere as far as the planner knows.
        q = new QueryBuilder().table(T1, "t1").table(T2, "t2");
        plan = plan(q.from(join(JoinType.INNER, ref(0), ref(1), eq(q.col(0, "a"), q.col(1, "x"))))
                .where(eq(q.col(0, "a"), lit(9)))
                .select("b", q.col(0, "b")).select("y", q.col(1, "y")).build());
        assertThat(segmentSlice(plan).contents()).containsExactly(0, 1);
    }

    @Test
    void sliceReceivingFromAMotionIsNotNarrowed() {
        // t2 is redistributed on y to meet t1.a: the join slice receives rows from every segment.
        QueryBuilder q = new QueryBuilder().table(T1, "t1").table(T2, "t2");
        PlannedStatement plan = plan(q.where(and(eq(q.col(0, "a"), q.col(1, "y")), eq(q.col(0, "a"), lit(3))))
                .select("b", q.col(0, "b")).select("x", q.col(1, "x")).build());
        Slice joinSlice = plan.slices().stream()
                .filter(s -> !s.onCoordinator() && !PlanTrees.all(s.root(), io.gangway.spi.plan.PlanNode.HashJoin.class)
                        .isEmpty())
                .findFirst().orElseThrow();
        assertThat(joinSlice.contents()).containsExactly(0, 1);
        // The t1 scan feeding it through no motion is in the join slice; the t2 scan's slice sends everywhere.
        assertThat(plan.slices()).filteredOn(s -> !s.onCoordinator()).allSatisfy(
                s -> assertThat(s.contents()).containsExactly(0, 1));
    }

    @Test
    void insertSelectOfOneSegmentsRowsIntoACoLocatedTableWritesThereAlone() {
        QueryBuilder q = QueryBuilder.insertInto(T2).table(T1, "t1");
        PlannedStatement plan = plan(q.where(eq(q.col(0, "a"), lit(6)))
                .select("x", q.col(0, "a")).select("y", q.col(0, "b")).build());
        assertThat(plan.slices()).hasSize(1);
        assertThat(plan.slice(0).gangType()).isEqualTo(GangType.PRIMARY_WRITER);
        assertThat(plan.slice(0).contents()).containsExactly(segmentOf(6));
    }

    @Test
    void keyValuesAreHashedAsTheColumnStoresThem() {
        // bigint column against an integer literal the analyzer widened the column for.
        QueryBuilder q = new QueryBuilder().table(BIG, "big");
        Expr widened = new Expr.Call(ScalarFunction.CAST, List.of(q.col(0, "k")), SqlType.NUMERIC);
        assertThat(segmentSlice(plan(q.where(eq(widened, new Expr.Constant(new BigDecimal("12.00"), SqlType.NUMERIC)))
                .select("v", q.col(0, "v")).build())).contents()).containsExactly(segmentOf(12L));

        q = new QueryBuilder().table(BIG, "big");
        Expr toDouble = new Expr.Call(ScalarFunction.CAST, List.of(q.col(0, "k")), SqlType.DOUBLE);
        assertThat(segmentSlice(plan(q.where(eq(toDouble, new Expr.Constant(12.0, SqlType.DOUBLE)))
                .select("v", q.col(0, "v")).build())).contents()).containsExactly(0, 1);

        q = new QueryBuilder().table(NAMES, "names");
        LocalDate day = LocalDate.of(2024, 2, 29);
        assertThat(segmentSlice(plan(q.where(and(eq(q.col(0, "d"), new Expr.Constant(day, SqlType.DATE)),
                        eq(q.col(0, "s"), lit("ann")))).select("d", q.col(0, "d")).build())).contents())
                .containsExactly(segmentOf("ann", day));
    }

    @Test
    void constantsConvertToTheColumnsJavaType() {
        assertThat(DirectDispatch.toColumnValue("2024-02-29", SqlType.UNKNOWN, SqlType.DATE))
                .contains(LocalDate.of(2024, 2, 29));
        assertThat(DirectDispatch.toColumnValue(new BigDecimal("5.0"), SqlType.NUMERIC, SqlType.INTEGER)).contains(5);
        assertThat(DirectDispatch.toColumnValue(7, SqlType.INTEGER, SqlType.BIGINT)).contains(7L);
        assertThat(DirectDispatch.toColumnValue(new BigDecimal("5.5"), SqlType.NUMERIC, SqlType.INTEGER)).isEmpty();
        assertThat(DirectDispatch.toColumnValue("x", SqlType.UNKNOWN, SqlType.INTEGER)).isEmpty();
        assertThat(DirectDispatch.toColumnValue(1.5, SqlType.DOUBLE, SqlType.INTEGER)).isEqualTo(Optional.empty());
    }
}
