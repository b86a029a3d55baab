package io.gangway.engine.exec.operator;

import io.gangway.engine.exec.CancelState;
import static io.gangway.engine.exec.ListOperator.drain;
import static io.gangway.engine.exec.ListOperator.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.Batch;
import io.gangway.api.SqlType;
import io.gangway.engine.exec.ListOperator;
import io.gangway.engine.exec.Operator;
import io.gangway.engine.exec.expr.CompiledExpr;
import io.gangway.engine.exec.expr.ExpressionCompiler;
import io.gangway.spi.plan.AggregateCall;
import io.gangway.spi.plan.AggregateStage;
import io.gangway.spi.plan.SortKey;
import io.gangway.spi.query.AggregateFunction;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.FromNode.JoinType;
import io.gangway.spi.query.ScalarFunction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class OperatorsTest {
    private static final SqlType INT = SqlType.INTEGER;
    private static final SqlType TEXT = SqlType.TEXT;
    private static final List<SqlType> INT_TEXT = List.of(INT, TEXT);

    private static CompiledExpr ref(int index, SqlType type) {
        return ExpressionCompiler.compile(new Expr.InputRef(index, type));
    }

    private static ListOperator left() {
        return ListOperator.of(INT_TEXT, 2, List.of(row(1, "a"), row(2, "b"), row(null, "n"), row(3, "c")));
    }

    private static ListOperator right() {
        return ListOperator.of(INT_TEXT, 2, List.of(row(1, "x"), row(1, "y"), row(null, "z"), row(4, "w")));
    }

    private static HashJoinOperator hashJoin(JoinType type, Optional<CompiledExpr> residual) {
        return new HashJoinOperator(type, left(), right(), INT_TEXT, INT_TEXT, List.of(ref(0, INT)),
                List.of(ref(0, INT)), residual);
    }

    @Test
    void hashJoinInnerNeverMatchesNullKeys() {
        assertThat(drain(hashJoin(JoinType.INNER, Optional.empty())))
                .containsExactlyInAnyOrder(row(1, "a", 1, "x"), row(1, "a", 1, "y"));
    }

    @Test
    void hashJoinLeftPadsUnmatchedRows() {
        assertThat(drain(hashJoin(JoinType.LEFT, Optional.empty()))).containsExactlyInAnyOrder(
                row(1, "a", 1, "x"), row(1, "a", 1, "y"), row(2, "b", null, null), row(null, "n", null, null),
                row(3, "c", null, null));
    }

    @Test
    void hashJoinResidualDecidesWhatMatches() {
        // residual: right.text <> 'x'  (column 3 of left ++ right)
        CompiledExpr residual = ExpressionCompiler.compile(new Expr.Call(ScalarFunction.NOT_EQUAL,
                List.of(new Expr.InputRef(3, TEXT), new Expr.Constant("x", TEXT)), SqlType.BOOLEAN));
        assertThat(drain(hashJoin(JoinType.LEFT, Optional.of(residual)))).containsExactlyInAnyOrder(
                row(1, "a", 1, "y"), row(2, "b", null, null), row(null, "n", null, null), row(3, "c", null, null));
        assertThat(drain(hashJoin(JoinType.FULL, Optional.of(residual)))).containsExactlyInAnyOrder(
                row(1, "a", 1, "y"), row(2, "b", null, null), row(null, "n", null, null), row(3, "c", null, null),
                row(null, null, 1, "x"), row(null, null, null, "z"), row(null, null, 4, "w"));
    }

    @Test
    void hashJoinWithEmptyBuildSideClosesItsProbeSideEarly() {
        ListOperator probe = left();
        HashJoinOperator join = new HashJoinOperator(JoinType.INNER, probe, new ListOperator(List.of()), INT_TEXT,
                INT_TEXT, List.of(ref(0, INT)), List.of(ref(0, INT)), Optional.empty());
        assertThat(drain(join)).isEmpty();
        assertThat(probe.pulled).isZero();
        assertThat(probe.closed).isTrue();
    }

    @Test
    void nestedLoopJoins() {
        CompiledExpr less = ExpressionCompiler.compile(new Expr.Call(ScalarFunction.LESS,
                List.of(new Expr.InputRef(0, INT), new Expr.InputRef(2, INT)), SqlType.BOOLEAN));
        assertThat(drain(new NestedLoopJoinOperator(JoinType.INNER, left(), right(), INT_TEXT, INT_TEXT,
                Optional.of(less), new CancelState()))).containsExactlyInAnyOrder(
                row(1, "a", 4, "w"), row(2, "b", 4, "w"), row(3, "c", 4, "w"));
        assertThat(drain(new NestedLoopJoinOperator(JoinType.LEFT, left(), right(), INT_TEXT, INT_TEXT,
                Optional.of(less), new CancelState()))).hasSize(4).contains(row(null, "n", null, null));
        assertThat(drain(new NestedLoopJoinOperator(JoinType.CROSS, left(), right(), INT_TEXT, INT_TEXT,
                Optional.empty(), new CancelState()))).hasSize(16);
    }

    @Test
    void operatorsThatKeepRowsChargeTheirMemoryAccount() {
        List<List<Object>> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(row(i, "row number " + i));
        }
        io.gangway.engine.exec.MemoryAccount memory = new io.gangway.engine.exec.MemoryAccount();
        SortOperator sort = new SortOperator(ListOperator.of(INT_TEXT, 1000, many), INT_TEXT,
                List.of(new io.gangway.spi.plan.SortKey(0, false, false)), memory);
        assertThat(drain(sort)).hasSize(10_000);
        // 10,000 rows of an Integer (16 + 4) and a String of about 16 characters (40 + 16 + 4) each.
        assertThat(memory.peak()).isBetween(700_000L, 900_000L);
    }

    @Test
    void nestedLoopJoinWhosePairsNeverMatchStillStopsOnCancel() {
        List<List<Object>> many = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            many.add(row(i, "r" + i));
        }
        CompiledExpr never = ExpressionCompiler.compile(new Expr.Call(ScalarFunction.LESS,
                List.of(new Expr.InputRef(0, INT), new Expr.Constant(-1, INT)), SqlType.BOOLEAN));
        CancelState cancel = new CancelState();
        cancel.cancel();
        NestedLoopJoinOperator join = new NestedLoopJoinOperator(JoinType.INNER,
                ListOperator.of(INT_TEXT, 1000, many), ListOperator.of(INT_TEXT, 1000, many), INT_TEXT, INT_TEXT,
                Optional.of(never), cancel);
        // 9 million pairs, none passing: without a check inside the join this would run to the end.
        assertThatThrownBy(join::next).isInstanceOfSatisfying(io.gangway.api.SqlException.class,
                e -> assertThat(e.state()).isEqualTo(io.gangway.api.SqlState.QUERY_CANCELED));
    }

    @Test
    void nestedLoopJoinProducesLargeCrossProductsInBoundedBatches() {
        List<List<Object>> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(row(i, "r" + i));
        }
        NestedLoopJoinOperator join = new NestedLoopJoinOperator(JoinType.CROSS,
                ListOperator.of(INT_TEXT, 100, many), ListOperator.of(INT_TEXT, 100, many), INT_TEXT, INT_TEXT,
                Optional.empty(), new CancelState());
        long rows = 0;
        for (Optional<Batch> b = join.next(); b.isPresent(); b = join.next()) {
            assertThat(b.get().rowCount()).isLessThanOrEqualTo(Batch.DEFAULT_ROWS);
            rows += b.get().rowCount();
        }
        assertThat(rows).isEqualTo(90_000);
    }

    private static List<AggregateCall> calls(SqlType argType, SqlType sumType, SqlType avgType) {
        Expr arg = new Expr.InputRef(1, argType);
        return List.of(
                new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, SqlType.BIGINT),
                new AggregateCall(AggregateFunction.COUNT, List.of(arg), false, SqlType.BIGINT),
                new AggregateCall(AggregateFunction.SUM, List.of(arg), false, sumType),
                new AggregateCall(AggregateFunction.AVG, List.of(arg), false, avgType),
                new AggregateCall(AggregateFunction.MIN, List.of(arg), false, argType),
                new AggregateCall(AggregateFunction.MAX, List.of(arg), false, argType));
    }

    private static List<List<Object>> groupedInput() {
        return List.of(row("a", 1), row("b", 10), row("a", 2), row("a", null), row(null, 5), row("b", 20),
                row("a", 4), row(null, 7));
    }

    @Test
    void singleStageAggregate() {
        List<AggregateCall> calls = calls(INT, SqlType.BIGINT, SqlType.NUMERIC);
        List<SqlType> out = List.of(TEXT, SqlType.BIGINT, SqlType.BIGINT, SqlType.BIGINT, SqlType.NUMERIC, INT, INT);
        AggregateOperator agg = new AggregateOperator(ListOperator.of(List.of(TEXT, INT), 3, groupedInput()),
                AggregateStage.SINGLE, List.of(new Expr.InputRef(0, TEXT)), calls, out);
        assertThat(drain(agg)).containsExactlyInAnyOrder(
                row("a", 4L, 3L, 7L, new BigDecimal("2.3333333333333333"), 1, 4),
                row("b", 2L, 2L, 30L, new BigDecimal("15.0000000000000000"), 10, 20),
                row(null, 2L, 2L, 12L, new BigDecimal("6.0000000000000000"), 5, 7));
    }

    @Test
    void aggregateWithoutGroupKeysOutputsOneRowForEmptyInput() {
        List<AggregateCall> calls = calls(INT, SqlType.BIGINT, SqlType.NUMERIC);
        List<SqlType> out = List.of(SqlType.BIGINT, SqlType.BIGINT, SqlType.BIGINT, SqlType.NUMERIC, INT, INT);
        assertThat(drain(new AggregateOperator(new ListOperator(List.of()), AggregateStage.SINGLE, List.of(), calls,
                out))).containsExactly(row(0L, 0L, null, null, null, null));

        List<SqlType> partialOut = new ArrayList<>();
        calls.forEach(c -> partialOut.addAll(c.partialTypes()));
        List<List<Object>> partial = drain(new AggregateOperator(new ListOperator(List.of()), AggregateStage.PARTIAL,
                List.of(), calls, partialOut));
        assertThat(partial).containsExactly(row(0L, 0L, null, null, 0L, null, null));
    }

    @Test
    void partialThenFinalEqualsSingle() {
        List<AggregateCall> calls = calls(SqlType.NUMERIC, SqlType.NUMERIC, SqlType.NUMERIC);
        List<List<Object>> input = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            input.add(row("g" + (i % 7), i % 11 == 0 ? null : new BigDecimal(i).movePointLeft(i % 3)));
        }
        List<SqlType> types = List.of(TEXT, SqlType.NUMERIC);
        Expr key = new Expr.InputRef(0, TEXT);
        List<SqlType> out = List.of(TEXT, SqlType.BIGINT, SqlType.BIGINT, SqlType.NUMERIC, SqlType.NUMERIC,
                SqlType.NUMERIC, SqlType.NUMERIC);
        List<List<Object>> single = drain(new AggregateOperator(ListOperator.of(types, 64, input),
                AggregateStage.SINGLE, List.of(key), calls, out));

        // Two "segments" each aggregate half, the final stage combines their partial rows.
        List<SqlType> partialTypes = new ArrayList<>(List.of(TEXT));
        calls.forEach(c -> partialTypes.addAll(c.partialTypes()));
        List<List<Object>> partials = new ArrayList<>();
        partials.addAll(drain(new AggregateOperator(ListOperator.of(types, 64, input.subList(0, 200)),
                AggregateStage.PARTIAL, List.of(key), calls, partialTypes)));
        partials.addAll(drain(new AggregateOperator(ListOperator.of(types, 64, input.subList(200, 500)),
                AggregateStage.PARTIAL, List.of(key), calls, partialTypes)));
        List<AggregateCall> finals = new ArrayList<>();
        int column = 1;
        for (AggregateCall call : calls) {
            finals.add(new AggregateCall(call.function(), List.of(new Expr.InputRef(column,
                    call.partialTypes().get(0))), false, call.resultType()));
            column += call.partialTypes().size();
        }
        List<List<Object>> combined = drain(new AggregateOperator(ListOperator.of(partialTypes, 5, partials),
                AggregateStage.FINAL, List.of(key), finals, out));
        assertThat(combined).containsExactlyInAnyOrderElementsOf(single);
        assertThat(single).hasSize(7);
    }

    @Test
    void distinctAggregates() {
        Expr arg = new Expr.InputRef(0, INT);
        List<AggregateCall> calls = List.of(new AggregateCall(AggregateFunction.COUNT, List.of(arg), true, SqlType.BIGINT),
                new AggregateCall(AggregateFunction.SUM, List.of(arg), true, SqlType.BIGINT));
        ListOperator input = ListOperator.of(List.of(INT), 2, List.of(row(1), row(2), row(1), row((Object) null), row(2)));
        assertThat(drain(new AggregateOperator(input, AggregateStage.SINGLE, List.of(), calls,
                List.of(SqlType.BIGINT, SqlType.BIGINT)))).containsExactly(row(2L, 3L));
    }

    @Test
    void sumOfDoublesAndAvgOfDoubles() {
        Expr arg = new Expr.InputRef(0, SqlType.DOUBLE);
        List<AggregateCall> calls = List.of(new AggregateCall(AggregateFunction.SUM, List.of(arg), false, SqlType.DOUBLE),
                new AggregateCall(AggregateFunction.AVG, List.of(arg), false, SqlType.DOUBLE));
        ListOperator input = ListOperator.of(List.of(SqlType.DOUBLE), 2, List.of(row(1.5), row(2.5), row(3.5)));
        assertThat(drain(new AggregateOperator(input, AggregateStage.SINGLE, List.of(), calls,
                List.of(SqlType.DOUBLE, SqlType.DOUBLE)))).containsExactly(row(7.5, 2.5));
    }

    @Test
    void sortPlacesNullsAsAsked() {
        List<List<Object>> rows = List.of(row(3, "c"), row(null, "n"), row(1, "a"), row(2, "b"), row(1, "z"));
        assertThat(drain(new SortOperator(ListOperator.of(INT_TEXT, 2, rows), INT_TEXT,
                List.of(new SortKey(0, true, false), new SortKey(1, false, false))))).containsExactly(
                row(1, "z"), row(1, "a"), row(2, "b"), row(3, "c"), row(null, "n"));
        assertThat(drain(new SortOperator(ListOperator.of(INT_TEXT, 2, rows), INT_TEXT,
                List.of(new SortKey(0, true, true), new SortKey(1, true, true))))).containsExactly(
                row(null, "n"), row(1, "a"), row(1, "z"), row(2, "b"), row(3, "c"));
        assertThat(drain(new SortOperator(ListOperator.of(INT_TEXT, 2, rows), INT_TEXT,
                List.of(new SortKey(0, false, true))))).extracting(r -> r.get(0)).containsExactly(null, 3, 2, 1, 1);
        assertThat(drain(new SortOperator(ListOperator.of(INT_TEXT, 2, rows), INT_TEXT,
                List.of(new SortKey(0, false, false))))).extracting(r -> r.get(0)).containsExactly(3, 2, 1, 1, null);
    }

    @Test
    void limitAndOffsetStopPullingAndCloseTheInput() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(row(i, "r"));
        }
        ListOperator input = ListOperator.of(INT_TEXT, 10, rows);
        List<List<Object>> out = drain(new LimitOperator(input, OptionalLong.of(5), 13));
        assertThat(out).extracting(r -> r.get(0)).containsExactly(13, 14, 15, 16, 17);
        assertThat(input.pulled).isEqualTo(2);
        assertThat(input.closed).isTrue();

        ListOperator all = ListOperator.of(INT_TEXT, 10, rows);
        assertThat(drain(new LimitOperator(all, OptionalLong.empty(), 95))).hasSize(5);
        ListOperator none = ListOperator.of(INT_TEXT, 10, rows);
        assertThat(drain(new LimitOperator(none, OptionalLong.of(0), 0))).isEmpty();
        assertThat(none.pulled).isZero();
    }

    @Test
    void filterAndProjectSkipEmptyBatches() {
        CompiledExpr big = ExpressionCompiler.compile(new Expr.Call(ScalarFunction.GREATER,
                List.of(new Expr.InputRef(0, INT), new Expr.Constant(97, INT)), SqlType.BOOLEAN));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(row(i, "r" + i));
        }
        Operator filtered = new FilterOperator(ListOperator.of(INT_TEXT, 10, rows), big);
        Operator projected = new ProjectOperator(filtered, List.of(ref(1, TEXT)));
        assertThat(drain(projected)).containsExactly(row("r98"), row("r99"));
    }
}
