package io.gangway.engine.exec.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.Batch;
import io.gangway.api.ColumnVector;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.ScalarFunction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpressionCompilerTest {
    private static final SqlType INT = SqlType.INTEGER;
    private static final SqlType BIG = SqlType.BIGINT;
    private static final SqlType NUM = SqlType.NUMERIC;
    private static final SqlType DBL = SqlType.DOUBLE;
    private static final SqlType TEXT = SqlType.TEXT;
    private static final SqlType BOOL = SqlType.BOOLEAN;
    private static final SqlType DATE = SqlType.DATE;

    private static Expr c(Object value, SqlType type) {
        return new Expr.Constant(value, type);
    }

    private static Expr i(int v) {
        return c(v, INT);
    }

    private static Expr l(long v) {
        return c(v, BIG);
    }

    private static Expr n(String v) {
        return c(new BigDecimal(v), NUM);
    }

    private static Expr d(double v) {
        return c(v, DBL);
    }

    private static Expr s(String v) {
        return c(v, TEXT);
    }

    private static Expr b(Boolean v) {
        return c(v, BOOL);
    }

    private static Expr call(ScalarFunction f, SqlType type, Expr... args) {
        return new Expr.Call(f, List.of(args), type);
    }

    private static Object eval(Expr expr) {
        ColumnVector result = ExpressionCompiler.compile(expr).evaluate(new Batch(List.of(), 1));
        assertThat(result.type()).isEqualTo(expr.type());
        return result.get(0);
    }

    private static void fails(Expr expr, SqlState state, String message) {
        assertThatThrownBy(() -> eval(expr))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(state))
                .hasMessage(message);
    }

    @Test
    void integerArithmetic() {
        assertThat(eval(call(ScalarFunction.ADD, INT, i(2), i(3)))).isEqualTo(5);
        assertThat(eval(call(ScalarFunction.DIVIDE, INT, i(7), i(2)))).isEqualTo(3);
        assertThat(eval(call(ScalarFunction.DIVIDE, INT, i(-7), i(2)))).isEqualTo(-3);
        assertThat(eval(call(ScalarFunction.MODULO, INT, i(-7), i(3)))).isEqualTo(-1);
        assertThat(eval(call(ScalarFunction.MODULO, INT, i(Integer.MIN_VALUE), i(-1)))).isEqualTo(0);
        assertThat(eval(call(ScalarFunction.MULTIPLY, BIG, l(3_000_000_000L), l(2)))).isEqualTo(6_000_000_000L);
        assertThat(eval(call(ScalarFunction.NEGATE, INT, i(5)))).isEqualTo(-5);
    }

    @Test
    void integerOverflowIs22003() {
        fails(call(ScalarFunction.ADD, INT, i(Integer.MAX_VALUE), i(1)), SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "integer out of range");
        fails(call(ScalarFunction.MULTIPLY, INT, i(65536), i(65536)), SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "integer out of range");
        fails(call(ScalarFunction.DIVIDE, INT, i(Integer.MIN_VALUE), i(-1)), SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "integer out of range");
        fails(call(ScalarFunction.NEGATE, INT, i(Integer.MIN_VALUE)), SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "integer out of range");
        fails(call(ScalarFunction.SUBTRACT, BIG, l(Long.MIN_VALUE), l(1)), SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "bigint out of range");
        fails(call(ScalarFunction.ABS, BIG, l(Long.MIN_VALUE)), SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "bigint out of range");
    }

    @Test
    void divisionByZeroForEveryNumericType() {
        fails(call(ScalarFunction.DIVIDE, INT, i(1), i(0)), SqlState.DIVISION_BY_ZERO, "division by zero");
        fails(call(ScalarFunction.MODULO, INT, i(1), i(0)), SqlState.DIVISION_BY_ZERO, "division by zero");
        fails(call(ScalarFunction.DIVIDE, BIG, l(1), l(0)), SqlState.DIVISION_BY_ZERO, "division by zero");
        fails(call(ScalarFunction.MODULO, BIG, l(1), l(0)), SqlState.DIVISION_BY_ZERO, "division by zero");
        fails(call(ScalarFunction.DIVIDE, NUM, n("1"), n("0.00")), SqlState.DIVISION_BY_ZERO, "division by zero");
        fails(call(ScalarFunction.MODULO, NUM, n("1"), n("0")), SqlState.DIVISION_BY_ZERO, "division by zero");
        fails(call(ScalarFunction.DIVIDE, DBL, d(1), d(0)), SqlState.DIVISION_BY_ZERO, "division by zero");
    }

    @Test
    void numericScalesFollowPostgres() {
        assertThat(eval(call(ScalarFunction.DIVIDE, NUM, n("1"), n("3"))).toString()).isEqualTo("0.33333333333333333333");
        assertThat(eval(call(ScalarFunction.DIVIDE, NUM, n("10"), n("4"))).toString()).isEqualTo("2.5000000000000000");
        assertThat(eval(call(ScalarFunction.DIVIDE, NUM, n("2"), n("3"))).toString()).isEqualTo("0.66666666666666666667");
        assertThat(eval(call(ScalarFunction.DIVIDE, NUM, n("100000"), n("3"))).toString())
                .isEqualTo("33333.333333333333");
        assertThat(eval(call(ScalarFunction.DIVIDE, NUM, n("1.000000000000000000000"), n("3"))).toString())
                .isEqualTo("0.333333333333333333333");
        assertThat(eval(call(ScalarFunction.ADD, NUM, n("1.5"), n("2.25"))).toString()).isEqualTo("3.75");
        assertThat(eval(call(ScalarFunction.SUBTRACT, NUM, n("1.50"), n("2"))).toString()).isEqualTo("-0.50");
        assertThat(eval(call(ScalarFunction.MULTIPLY, NUM, n("1.5"), n("2.25"))).toString()).isEqualTo("3.375");
        assertThat(eval(call(ScalarFunction.MULTIPLY, NUM, n("1.10"), n("2.0"))).toString()).isEqualTo("2.200");
        assertThat(eval(call(ScalarFunction.MODULO, NUM, n("10.5"), n("3"))).toString()).isEqualTo("1.5");
    }

    @Test
    void dateArithmetic() {
        Expr day = c(LocalDate.of(2024, 2, 28), DATE);
        assertThat(eval(call(ScalarFunction.ADD, DATE, day, i(2)))).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(eval(call(ScalarFunction.SUBTRACT, DATE, day, i(59)))).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(eval(call(ScalarFunction.SUBTRACT, INT, day, c(LocalDate.of(2024, 1, 1), DATE)))).isEqualTo(58);
    }

    @Test
    void threeValuedLogic() {
        Boolean t = true;
        Boolean f = false;
        Object[][] and = {{t, t, t}, {t, f, f}, {t, null, null}, {f, null, f}, {null, f, f}, {null, null, null}};
        for (Object[] row : and) {
            assertThat(eval(call(ScalarFunction.AND, BOOL, b((Boolean) row[0]), b((Boolean) row[1]))))
                    .as("%s AND %s", row[0], row[1]).isEqualTo(row[2]);
        }
        Object[][] or = {{f, f, f}, {t, f, t}, {f, null, null}, {t, null, t}, {null, t, t}, {null, null, null}};
        for (Object[] row : or) {
            assertThat(eval(call(ScalarFunction.OR, BOOL, b((Boolean) row[0]), b((Boolean) row[1]))))
                    .as("%s OR %s", row[0], row[1]).isEqualTo(row[2]);
        }
        assertThat(eval(call(ScalarFunction.NOT, BOOL, b(null)))).isNull();
        assertThat(eval(call(ScalarFunction.EQUAL, BOOL, i(1), c(null, INT)))).isNull();
        assertThat(eval(call(ScalarFunction.IS_NULL, BOOL, c(null, INT)))).isEqualTo(true);
        assertThat(eval(call(ScalarFunction.IS_NOT_NULL, BOOL, c(null, INT)))).isEqualTo(false);
    }

    @Test
    void andDoesNotEvaluateItsRightSideWhereTheLeftIsFalse() {
        Expr x = new Expr.InputRef(0, INT);
        Expr guard = call(ScalarFunction.NOT_EQUAL, BOOL, x, i(0));
        Expr risky = call(ScalarFunction.GREATER, BOOL, call(ScalarFunction.DIVIDE, INT, i(10), x), i(1));
        Batch input = Batch.ofRows(List.of(INT), List.of(List.of(0), List.of(5), List.of(20)));
        ColumnVector out = ExpressionCompiler.compile(call(ScalarFunction.AND, BOOL, guard, risky)).evaluate(input);
        assertThat(Arrays.asList(out.get(0), out.get(1), out.get(2))).containsExactly(false, true, false);

        Expr caseExpr = new Expr.Case(List.of(call(ScalarFunction.EQUAL, BOOL, x, i(0))), List.of(i(-1)),
                Optional.of(call(ScalarFunction.DIVIDE, INT, i(100), x)), INT);
        ColumnVector cased = ExpressionCompiler.compile(caseExpr).evaluate(input);
        assertThat(Arrays.asList(cased.get(0), cased.get(1), cased.get(2))).containsExactly(-1, 20, 5);

        Expr coalesce = call(ScalarFunction.COALESCE, INT, c(7, INT), call(ScalarFunction.DIVIDE, INT, i(1), i(0)));
        assertThat(eval(coalesce)).isEqualTo(7);
    }

    @Test
    void comparisons() {
        assertThat(eval(call(ScalarFunction.EQUAL, BOOL, n("1.0"), n("1.00")))).isEqualTo(true);
        assertThat(eval(call(ScalarFunction.LESS, BOOL, s("abc"), s("abd")))).isEqualTo(true);
        assertThat(eval(call(ScalarFunction.GREATER_EQUAL, BOOL, d(Double.NaN), d(Double.POSITIVE_INFINITY))))
                .isEqualTo(true);
        assertThat(eval(call(ScalarFunction.EQUAL, BOOL, d(0.0), d(-0.0)))).isEqualTo(true);
        assertThat(eval(call(ScalarFunction.LESS, BOOL, b(false), b(true)))).isEqualTo(true);
        assertThat(eval(call(ScalarFunction.NOT_EQUAL, BOOL, c(LocalDate.of(2020, 1, 1), DATE),
                c(LocalDate.of(2020, 1, 1), DATE)))).isEqualTo(false);
    }

    @Test
    void casts() {
        assertThat(eval(call(ScalarFunction.CAST, INT, n("2.5")))).isEqualTo(3);
        assertThat(eval(call(ScalarFunction.CAST, INT, n("-2.5")))).isEqualTo(-3);
        assertThat(eval(call(ScalarFunction.CAST, INT, d(2.5)))).isEqualTo(2);
        assertThat(eval(call(ScalarFunction.CAST, INT, d(3.5)))).isEqualTo(4);
        assertThat(eval(call(ScalarFunction.CAST, BIG, i(7)))).isEqualTo(7L);
        assertThat(eval(call(ScalarFunction.CAST, NUM, i(7)))).isEqualTo(new BigDecimal("7"));
        assertThat(eval(call(ScalarFunction.CAST, NUM, d(0.1)))).isEqualTo(new BigDecimal("0.1"));
        assertThat(eval(call(ScalarFunction.CAST, DBL, n("1.25")))).isEqualTo(1.25);
        assertThat(eval(call(ScalarFunction.CAST, SqlType.numeric(5, 2), n("3.14159")))).isEqualTo(new BigDecimal("3.14"));
        assertThat(eval(call(ScalarFunction.CAST, SqlType.numeric(5, 1), n("0.05")))).isEqualTo(new BigDecimal("0.1"));
        assertThat(eval(call(ScalarFunction.CAST, INT, s(" 42 ")))).isEqualTo(42);
        assertThat(eval(call(ScalarFunction.CAST, DATE, s("2024-03-05")))).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(eval(call(ScalarFunction.CAST, TEXT, c(LocalDate.of(2024, 3, 5), DATE)))).isEqualTo("2024-03-05");
        assertThat(eval(call(ScalarFunction.CAST, TEXT, n("1.50")))).isEqualTo("1.50");
        assertThat(eval(call(ScalarFunction.CAST, TEXT, b(true)))).isEqualTo("true");
        assertThat(eval(call(ScalarFunction.CAST, INT, b(true)))).isEqualTo(1);
        assertThat(eval(call(ScalarFunction.CAST, BOOL, s("yes")))).isEqualTo(true);
        assertThat(eval(call(ScalarFunction.CAST, INT, c(null, TEXT)))).isNull();
        fails(call(ScalarFunction.CAST, INT, l(3_000_000_000L)), SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "integer out of range");
        fails(call(ScalarFunction.CAST, INT, d(1e10)), SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
        fails(call(ScalarFunction.CAST, BIG, n("1e19")), SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
        fails(call(ScalarFunction.CAST, INT, s("abc")), SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type integer: \"abc\"");
        fails(call(ScalarFunction.CAST, SqlType.varchar(2), s("abc")), SqlState.STRING_DATA_RIGHT_TRUNCATION,
                "value too long for type character varying(2)");
        fails(call(ScalarFunction.CAST, SqlType.numeric(3, 1), n("123.4")), SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "numeric field overflow");
        assertThatThrownBy(() -> ExpressionCompiler.compile(call(ScalarFunction.CAST, INT, c(LocalDate.EPOCH, DATE))))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.CANNOT_COERCE))
                .hasMessage("cannot cast type date to integer");
    }

    @Test
    void like() {
        Object[][] cases = {
                {"abc", "abc", true}, {"abc", "a%", true}, {"abc", "_b_", true}, {"abc", "%c", true},
                {"abc", "a_", false}, {"ABC", "abc", false}, {"a%c", "a\\%c", true}, {"abc", "a\\%c", false},
                {"a_c", "a\\_c", true}, {"a.c", "a.c", true}, {"abc", "a.c", false}, {"line\nbreak", "line%", true},
                {"", "%", true}, {"", "_", false}, {"x(y)*", "x(y)*", true},
        };
        for (Object[] row : cases) {
            assertThat(eval(call(ScalarFunction.LIKE, BOOL, s((String) row[0]), s((String) row[1]))))
                    .as("%s LIKE %s", row[0], row[1]).isEqualTo(row[2]);
        }
        assertThat(eval(call(ScalarFunction.ILIKE, BOOL, s("ABC"), s("a%")))).isEqualTo(true);
        assertThat(eval(call(ScalarFunction.NOT_LIKE, BOOL, s("abc"), s("a%")))).isEqualTo(false);
        assertThat(eval(call(ScalarFunction.NOT_ILIKE, BOOL, s("ABC"), s("x%")))).isEqualTo(true);
        assertThat(eval(call(ScalarFunction.LIKE, BOOL, c(null, TEXT), s("a%")))).isNull();
    }

    @Test
    void stringFunctions() {
        assertThat(eval(call(ScalarFunction.CONCAT, TEXT, s("ab"), s("cd")))).isEqualTo("abcd");
        assertThat(eval(call(ScalarFunction.CONCAT, TEXT, s("ab"), c(null, TEXT)))).isNull();
        assertThat(eval(call(ScalarFunction.CONCAT, TEXT, s("n="), i(5)))).isEqualTo("n=5");
        assertThat(eval(call(ScalarFunction.UPPER, TEXT, s("abc")))).isEqualTo("ABC");
        assertThat(eval(call(ScalarFunction.LOWER, TEXT, s("ÀBC")))).isEqualTo("àbc");
        assertThat(eval(call(ScalarFunction.LENGTH, INT, s("héllo😀")))).isEqualTo(6);
        assertThat(eval(call(ScalarFunction.SUBSTRING, TEXT, s("hello"), i(2), i(3)))).isEqualTo("ell");
        assertThat(eval(call(ScalarFunction.SUBSTRING, TEXT, s("hello"), i(0), i(3)))).isEqualTo("he");
        assertThat(eval(call(ScalarFunction.SUBSTRING, TEXT, s("hello"), i(-5), i(3)))).isEqualTo("");
        assertThat(eval(call(ScalarFunction.SUBSTRING, TEXT, s("hello"), i(3)))).isEqualTo("llo");
        assertThat(eval(call(ScalarFunction.SUBSTRING, TEXT, s("hello"), i(9)))).isEqualTo("");
        fails(call(ScalarFunction.SUBSTRING, TEXT, s("hello"), i(1), i(-1)), SqlState.INVALID_PARAMETER_VALUE,
                "negative substring length not allowed");
        assertThat(eval(call(ScalarFunction.TRIM, TEXT, s("  a b  ")))).isEqualTo("a b");
        assertThat(eval(call(ScalarFunction.TRIM, TEXT, s("xxaxx"), s("x")))).isEqualTo("a");
        assertThat(eval(call(ScalarFunction.COALESCE, TEXT, c(null, TEXT), s("b"), s("c")))).isEqualTo("b");
        assertThat(eval(call(ScalarFunction.NULLIF, INT, i(1), i(1)))).isNull();
        assertThat(eval(call(ScalarFunction.NULLIF, INT, i(1), i(2)))).isEqualTo(1);
    }

    @Test
    void numericFunctions() {
        assertThat(eval(call(ScalarFunction.ABS, INT, i(-3)))).isEqualTo(3);
        assertThat(eval(call(ScalarFunction.ABS, NUM, n("-3.50")))).isEqualTo(new BigDecimal("3.50"));
        assertThat(eval(call(ScalarFunction.ROUND, NUM, n("2.5")))).isEqualTo(new BigDecimal("3"));
        assertThat(eval(call(ScalarFunction.ROUND, NUM, n("-2.5")))).isEqualTo(new BigDecimal("-3"));
        assertThat(eval(call(ScalarFunction.ROUND, NUM, n("3.14159"), i(2)))).isEqualTo(new BigDecimal("3.14"));
        assertThat(eval(call(ScalarFunction.ROUND, NUM, n("1234.5"), i(-2)))).isEqualTo(new BigDecimal("1200"));
        assertThat(eval(call(ScalarFunction.ROUND, DBL, d(2.5)))).isEqualTo(2.0);
    }

    @Test
    void extract() {
        Expr day = c(LocalDate.of(2024, 3, 10), DATE); // a Sunday
        assertThat(eval(call(ScalarFunction.EXTRACT, NUM, s("year"), day))).isEqualTo(new BigDecimal(2024));
        assertThat(eval(call(ScalarFunction.EXTRACT, INT, s("month"), day))).isEqualTo(3);
        assertThat(eval(call(ScalarFunction.EXTRACT, BIG, s("day"), day))).isEqualTo(10L);
        assertThat(eval(call(ScalarFunction.EXTRACT, DBL, s("dow"), day))).isEqualTo(0.0);
        assertThat(eval(call(ScalarFunction.EXTRACT, INT, s("doy"), day))).isEqualTo(70);
        assertThat(eval(call(ScalarFunction.EXTRACT, INT, s("QUARTER"), day))).isEqualTo(1);
        assertThat(eval(call(ScalarFunction.EXTRACT, BIG, s("epoch"), c(LocalDate.of(1970, 1, 2), DATE))))
                .isEqualTo(86_400L);
        fails(call(ScalarFunction.EXTRACT, INT, s("fortnight"), day), SqlState.INVALID_PARAMETER_VALUE,
                "unit \"fortnight\" not recognized for type date");
    }

    @Test
    void queryTreeExpressionsAreRefused() {
        assertThatThrownBy(() -> ExpressionCompiler.compile(new Expr.ColumnRef(0, 0, "a", INT)))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.INTERNAL_ERROR));
        assertThatThrownBy(() -> ExpressionCompiler.compile(new Expr.Aggregate(
                io.gangway.spi.query.AggregateFunction.COUNT_STAR, List.of(), false, BIG)))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.INTERNAL_ERROR));
    }
}
