package io.gangway.planner;

import static io.gangway.planner.PlanTrees.all;
import static io.gangway.planner.PlanTrees.motionKinds;
import static io.gangway.tck.planner.PlannerFixtures.R1;
import static io.gangway.tck.planner.PlannerFixtures.T1;
import static io.gangway.tck.planner.PlannerFixtures.T2;
import static io.gangway.tck.planner.QueryBuilder.eq;
import static io.gangway.tck.planner.QueryBuilder.gt;
import static io.gangway.tck.planner.QueryBuilder.join;
import static io.gangway.tck.planner.QueryBuilder.lit;
import static io.gangway.tck.planner.QueryBuilder.plus;
import static io.gangway.tck.planner.QueryBuilder.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.api.Column;
import io.gangway.api.SqlType;
import io.gangway.spi.plan.Locus;
import io.gangway.spi.plan.MotionKind;
import io.gangway.spi.plan.PlanNode;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.FromNode.JoinType;
import io.gangway.spi.query.Query;
import io.gangway.tck.planner.PlanInvariants;
import io.gangway.tck.planner.PlannerFixtures;
import io.gangway.tck.planner.QueryBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where join conditions go and which join inputs move. */
class JoinPlacementTest {
    private final RulesPlanner planner = new RulesPlanner();

    private PlannedStatement plan(Query query) {
        PlannedStatement plan = planner.plan(query, PlannerFixtures.context());
        PlanInvariants.check(plan);
        return plan;
    }

    @Test
    void expressionKeyIsComputedBelowTheMotionThatHashesIt() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1").table(T2, "t2");
        PlannedStatement plan = plan(q.where(eq(plus(q.col(1, "y"), lit(1)), q.col(0, "a")))
                .select("b", q.col(0, "b")).select("x", q.col(1, "x")).build());

        PlanNode.HashJoin join = all(plan.root(), PlanNode.HashJoin.class).getFirst();
        PlanNode.Motion motion = (PlanNode.Motion) join.right();
        assertThat(motion.hashColumns()).containsExactly(2);
        PlanNode.Project keys = (PlanNode.Project) motion.input();
        assertThat(keys.expressions()).hasSize(3);
        assertThat(join.rightKeys()).hasSize(1);
    }

    @Test
    void whereOnTheNullableSideOfALeftJoinFiltersAboveIt() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1").table(T2, "t2");
        PlannedStatement plan = plan(q.from(join(JoinType.LEFT, ref(0), ref(1),
                        QueryBuilder.and(eq(q.col(0, "a"), q.col(1, "x")), gt(q.col(1, "y"), lit(3)))))
                .where(QueryBuilder.and(gt(q.col(1, "y"), lit(5)), gt(q.col(0, "b"), lit(7))))
                .select("a", q.col(0, "a")).build());

        PlanNode.Filter above = all(plan.root(), PlanNode.Filter.class).getFirst();
        assertThat(above.input()).isInstanceOf(PlanNode.HashJoin.class);
        PlanNode.HashJoin join = (PlanNode.HashJoin) above.input();
        // t1.b > 7 filters the preserved side's scan; t2.y > 3 (from ON) the nullable side's scan.
        assertThat(((PlanNode.SeqScan) join.left()).filter()).isPresent();
        assertThat(((PlanNode.SeqScan) join.right()).filter()).isPresent();
        assertThat(join.residual()).isEmpty();
    }

    @Test
    void replicatedPreservedSideGetsTheOtherSideBroadcast() {
        QueryBuilder q = new QueryBuilder().table(R1, "r1").table(T1, "t1");
        PlannedStatement plan = plan(q.from(join(JoinType.LEFT, ref(0), ref(1), eq(q.col(0, "k"), q.col(1, "b"))))
                .select("v", q.col(0, "v")).select("a", q.col(1, "a")).build());

        assertThat(motionKinds(plan.root())).containsExactly(MotionKind.GATHER, MotionKind.BROADCAST);
        assertThat(all(plan.root(), PlanNode.HashJoin.class).getFirst().locus()).isEqualTo(new Locus.Replicated(2));
    }

    @Test
    void valuesJoinGathersTheTableByDefaultOrBroadcastsTheValuesWhenConfigured() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1")
                .values(List.of(new Column("column1", SqlType.INTEGER)), List.of(List.of(lit(1)), List.of(lit(2))));
        PlannedStatement plan = plan(q.where(eq(q.col(0, "b"), q.col(1, "column1"))).select("a", q.col(0, "a")).build());
        PlanNode.HashJoin join = all(plan.root(), PlanNode.HashJoin.class).getFirst();
        assertThat(join.locus()).isEqualTo(new Locus.Entry());
        assertThat(((PlanNode.Motion) join.left()).kind()).isEqualTo(MotionKind.GATHER);

        MotionRules.JoinDistributionRule broadcasting = new MotionRules.JoinDistributionRule(
                MotionRules.JoinDistributionRule.Config.DEFAULT.withBroadcastSingleProcessSide(true));
        PlanNode scan = all(plan.root(), PlanNode.SeqScan.class).getFirst();
        PlanNode values = all(plan.root(), PlanNode.Values.class).getFirst();
        MotionRules.JoinDistributionRule.Placement placement = broadcasting.apply(JoinType.INNER,
                new Rel(scan, Map.of()), new Rel(values, Map.of()),
                List.of(new Expr.InputRef(1, SqlType.INTEGER)), List.of(new Expr.InputRef(0, SqlType.INTEGER)), 2);
        assertThat(placement.left().node()).isSameAs(scan);
        assertThat(((PlanNode.Motion) placement.right().node()).kind()).isEqualTo(MotionKind.BROADCAST);
        assertThat(placement.locus()).isEqualTo(scan.locus());
    }

    @Test
    void constantConditionStaysCorrect() {
        QueryBuilder q = new QueryBuilder().table(T1, "t1").table(T2, "t2");
        PlannedStatement plan = plan(q.where(QueryBuilder.and(eq(q.col(0, "a"), q.col(1, "x")), eq(lit(1), lit(2))))
                .select("a", q.col(0, "a")).build());
        assertThat(all(plan.root(), PlanNode.SeqScan.class).getFirst().filter())
                .isEqualTo(Optional.of(eq(lit(1), lit(2))));
    }
}
