package io.gangway.dispatcher;

import io.gangway.api.Column;
import io.gangway.api.SqlType;
import io.gangway.spi.catalog.DistributionPolicy;
import io.gangway.spi.catalog.TableDescriptor;
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
import io.gangway.spi.query.ScalarFunction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** A plan with every node type and every constant type, built by hand for the serialization tests. */
final class TestPlans {
    static final TableDescriptor ORDERS = new TableDescriptor(16_384, "public", "orders",
            List.of(new Column("id", SqlType.INTEGER), new Column("amount", SqlType.numeric(12, 2)),
                    new Column("note", SqlType.varchar(40)), new Column("placed", SqlType.DATE)),
            List.of(true, false, false, false),
            new DistributionPolicy.Hashed(List.of(0), 2), "heap", Map.of("fillfactor", "100"));

    private TestPlans() {
    }

    private static PlanNode scan() {
        Expr filter = new Expr.Call(ScalarFunction.GREATER,
                List.of(new Expr.InputRef(0, SqlType.INTEGER), new Expr.Constant(10, SqlType.INTEGER)), SqlType.BOOLEAN);
        return new PlanNode.SeqScan(ORDERS, "o", List.of(0, 1), Optional.of(filter), new Locus.Hashed(List.of(0), 2));
    }

    /** A plan with every kind of node and constant, for serialization round trips. */
    static PlannedStatement everyNodePlan() {
        Locus hashed = new Locus.Hashed(List.of(0), 2);
        List<Expr> constants = Arrays.asList(
                new Expr.Constant(true, SqlType.BOOLEAN),
                new Expr.Constant(42, SqlType.INTEGER),
                new Expr.Constant(9_000_000_000L, SqlType.BIGINT),
                new Expr.Constant(new BigDecimal("12345.670"), SqlType.numeric(12, 3)),
                new Expr.Constant(2.5e-3, SqlType.DOUBLE),
                new Expr.Constant("héllo", SqlType.TEXT),
                new Expr.Constant(LocalDate.of(2024, 2, 29), SqlType.DATE),
                new Expr.Constant("untyped", SqlType.UNKNOWN),
                new Expr.Constant(null, SqlType.INTEGER));
        PlanNode values = new PlanNode.Values(
                constants.stream().map(Expr::type).toList(), List.of(constants, constants), new Locus.General());
        PlanNode project = new PlanNode.Project(values, List.of(
                new Expr.Case(List.of(new Expr.Call(ScalarFunction.IS_NULL, List.of(new Expr.InputRef(8, SqlType.INTEGER)),
                        SqlType.BOOLEAN)), List.of(new Expr.Constant(0, SqlType.INTEGER)),
                        Optional.of(new Expr.InputRef(8, SqlType.INTEGER)), SqlType.INTEGER),
                new Expr.InputRef(1, SqlType.INTEGER)), new Locus.General());
        PlanNode broadcast = new PlanNode.Motion(MotionKind.BROADCAST, project, List.of(), List.of(), 3,
                new Locus.Replicated(2));
        PlanNode join = new PlanNode.HashJoin(JoinType.LEFT, scan(), broadcast,
                List.of(new Expr.InputRef(0, SqlType.INTEGER)), List.of(new Expr.InputRef(1, SqlType.INTEGER)),
                Optional.empty(), hashed);
        PlanNode nestLoop = new PlanNode.NestedLoopJoin(JoinType.CROSS, join, values, Optional.empty(), new Locus.Strewn(2));
        PlanNode filter = new PlanNode.Filter(nestLoop, new Expr.Call(ScalarFunction.NOT_EQUAL,
                List.of(new Expr.InputRef(0, SqlType.INTEGER), new Expr.Constant(7, SqlType.INTEGER)), SqlType.BOOLEAN),
                new Locus.Strewn(2));
        PlanNode partial = new PlanNode.Aggregate(filter, AggregateStage.PARTIAL,
                List.of(new Expr.InputRef(0, SqlType.INTEGER)),
                List.of(new AggregateCall(AggregateFunction.AVG, List.of(new Expr.InputRef(1, SqlType.numeric(12, 2))), false,
                        SqlType.NUMERIC), new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, SqlType.BIGINT)),
                new Locus.Strewn(2));
        PlanNode redistribute = new PlanNode.Motion(MotionKind.REDISTRIBUTE, partial, List.of(0), List.of(), 2, hashed);
        PlanNode finalAgg = new PlanNode.Aggregate(redistribute, AggregateStage.FINAL,
                List.of(new Expr.InputRef(0, SqlType.INTEGER)),
                List.of(new AggregateCall(AggregateFunction.AVG, List.of(new Expr.InputRef(1, SqlType.NUMERIC)), false,
                        SqlType.NUMERIC), new AggregateCall(AggregateFunction.COUNT_STAR, List.of(new Expr.InputRef(3,
                        SqlType.BIGINT)), false, SqlType.BIGINT)),
                hashed);
        PlanNode sort = new PlanNode.Sort(finalAgg, List.of(new SortKey(0, true, false), new SortKey(1, false, true)), hashed);
        PlanNode gather = new PlanNode.Motion(MotionKind.GATHER, sort, List.of(), List.of(new SortKey(0, true, false)), 1,
                new Locus.Entry());
        PlanNode limit = new PlanNode.Limit(gather, OptionalLong.of(10), 5, new Locus.Entry());
        List<Slice> slices = List.of(
                new Slice(0, GangType.UNALLOCATED, List.of(-1), OptionalInt.empty(), limit),
                new Slice(1, GangType.PRIMARY_READER, List.of(0, 1), OptionalInt.of(0), gather),
                new Slice(2, GangType.PRIMARY_READER, List.of(0, 1), OptionalInt.of(1), redistribute),
                new Slice(3, GangType.SINGLETON_READER, List.of(1), OptionalInt.of(2), broadcast));
        return new PlannedStatement(PlannedStatement.Command.SELECT, limit, slices,
                List.of(new Column("id", SqlType.INTEGER), new Column("avg", SqlType.NUMERIC),
                        new Column("count", SqlType.BIGINT)));
    }
}
