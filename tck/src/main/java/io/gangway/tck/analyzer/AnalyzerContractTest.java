package io.gangway.tck.analyzer;

import static io.gangway.spi.ast.Expression.BinaryOperator.ADD;
import static io.gangway.spi.ast.Expression.BinaryOperator.EQUAL;
import static io.gangway.tck.analyzer.Ast.binary;
import static io.gangway.tck.analyzer.Ast.call;
import static io.gangway.tck.analyzer.Ast.column;
import static io.gangway.tck.analyzer.Ast.columnAt;
import static io.gangway.tck.analyzer.Ast.countStar;
import static io.gangway.tck.analyzer.Ast.item;
import static io.gangway.tck.analyzer.Ast.number;
import static io.gangway.tck.analyzer.Ast.parameter;
import static io.gangway.tck.analyzer.Ast.select;
import static io.gangway.tck.analyzer.Ast.star;
import static io.gangway.tck.analyzer.Ast.string;
import static io.gangway.tck.analyzer.Ast.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.spi.analyzer.Analyzer;
import io.gangway.spi.analyzer.AnalyzerContext;
import io.gangway.spi.ast.Insert;
import io.gangway.spi.ast.QualifiedName;
import io.gangway.spi.ast.QueryBody;
import io.gangway.spi.ast.Statement;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.Query;
import io.gangway.spi.query.RangeTableEntry;
import io.gangway.tck.Behaviors;
import io.gangway.tck.planner.PlannerFixtures;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The analyzer contract: parse trees built by hand ({@link Ast}) over the fixture catalog of
 * {@link PlannerFixtures} come out as typed query trees, and every error the SPI names comes with
 * PostgreSQL's SQLSTATE and wording. An implementation's test extends this class, supplies the
 * analyzer through {@link #createAnalyzer()}, and turns off in {@link #hasBehavior} what it lacks;
 * a statement of a behaviour that is off must then be refused with {@code 0A000}.
 */
public abstract class AnalyzerContractTest {
    private final EnumSet<AnalyzerBehavior> behaviors = Behaviors.check(AnalyzerBehavior.class, this::hasBehavior);
    protected Analyzer analyzer;

    protected abstract Analyzer createAnalyzer();

    protected boolean hasBehavior(AnalyzerBehavior behavior) {
        return true;
    }

    @BeforeEach
    final void setUpAnalyzer() {
        analyzer = createAnalyzer();
    }

    private Query analyze(Statement statement) {
        return analyzer.analyze(statement, AnalyzerContext.of(PlannerFixtures.catalog()));
    }

    private void assertError(Statement statement, SqlState state, String message) {
        assertThatThrownBy(() -> analyze(statement)).as(statement.toString())
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.state()).isEqualTo(state);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    private void assertRefusedOrWorks(AnalyzerBehavior behavior, Statement statement, Runnable checks) {
        if (behaviors.contains(behavior)) {
            checks.run();
        } else {
            assertThatThrownBy(() -> analyze(statement)).isInstanceOfSatisfying(SqlException.class,
                    e -> assertThat(e.state()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
        }
    }

    @Test
    void resolvesColumnsAndTypes() {
        Query q = analyze(select("t3", item(column("p")), item(column("s"), "label"),
                item(binary(ADD, column("p"), column("q")))));
        assertThat(q.command()).isEqualTo(Query.CommandType.SELECT);
        assertThat(q.resultColumns()).containsExactly(new Column("p", SqlType.INTEGER), new Column("label", SqlType.TEXT),
                new Column("?column?", SqlType.INTEGER));
        assertThat(q.rangeTable()).singleElement().isInstanceOfSatisfying(RangeTableEntry.Table.class,
                t -> assertThat(t.table()).isEqualTo(PlannerFixtures.T3));
        assertThat(q.targetList().getFirst().expression()).isInstanceOf(Expr.ColumnRef.class);
    }

    @Test
    void starExpandsToEveryColumnInTableOrder() {
        Query q = analyze(select("t3", star()));
        assertThat(q.resultColumns()).extracting(Column::name).containsExactly("p", "q", "s");
        assertThat(q.resultColumns()).extracting(Column::type).containsExactly(SqlType.INTEGER, SqlType.INTEGER, SqlType.TEXT);
    }

    @Test
    void whereIsABooleanExpression() {
        Query q = analyze(select(List.of(item(column("a"))), List.of(table("t1")),
                Optional.of(binary(EQUAL, column("b"), number("7"))), List.of()));
        assertThat(q.where()).hasValueSatisfying(w -> assertThat(w.type()).isEqualTo(SqlType.BOOLEAN));
    }

    @Test
    void unknownTable() {
        assertError(select("nosuch", star()), SqlState.UNDEFINED_TABLE, "relation \"nosuch\" does not exist");
    }

    @Test
    void unknownColumnPointsAtIt() {
        Statement statement = select("t1", item(column("a")), item(columnAt(11, "zz")));
        assertError(statement, SqlState.UNDEFINED_COLUMN, "column \"zz\" does not exist");
        assertThatThrownBy(() -> analyze(statement)).isInstanceOfSatisfying(SqlException.class,
                e -> assertThat(e.position()).as("the position of the column node").hasValue(11));
    }

    @Test
    void ambiguousColumn() {
        assertError(select(List.of(item(column("a"))), List.of(table("t1"), table("rnd")), Optional.empty(), List.of()),
                SqlState.AMBIGUOUS_COLUMN, "column reference \"a\" is ambiguous");
    }

    @Test
    void qualifiedColumnsResolveTheAmbiguity() {
        Query q = analyze(select(List.of(item(column("rnd", "a"))), List.of(table("t1"), table("rnd")),
                Optional.empty(), List.of()));
        assertThat(q.targetList().getFirst().expression()).isInstanceOfSatisfying(Expr.ColumnRef.class,
                ref -> assertThat(ref.rangeIndex()).isEqualTo(1));
    }

    @Test
    void operatorOnMismatchedTypes() {
        assertError(select("t3", item(binary(ADD, column("p"), column("s")))), SqlState.UNDEFINED_FUNCTION,
                "operator does not exist: integer + text");
    }

    @Test
    void whereMustBeBoolean() {
        assertError(select(List.of(item(column("a"))), List.of(table("t1")), Optional.of(column("a")), List.of()),
                SqlState.DATATYPE_MISMATCH, "argument of WHERE must be type boolean, not type integer");
    }

    @Test
    void unknownFunction() {
        assertError(select("t1", item(call("nosuch", column("a")))), SqlState.UNDEFINED_FUNCTION,
                "function nosuch(integer) does not exist");
    }

    @Test
    void groupingAndAggregates() {
        Statement grouped = select(List.of(item(column("a")), item(countStar())), List.of(table("t1")), Optional.empty(),
                List.of(column("a")));
        assertRefusedOrWorks(AnalyzerBehavior.SUPPORTS_GROUPING, grouped, () -> {
            Query q = analyze(grouped);
            assertThat(q.hasAggregates()).isTrue();
            assertThat(q.groupBy()).hasSize(1);
            assertThat(q.resultColumns()).extracting(Column::type).containsExactly(SqlType.INTEGER, SqlType.BIGINT);
            assertError(select(List.of(item(column("b")), item(countStar())), List.of(table("t1")), Optional.empty(),
                    List.of(column("a"))), SqlState.GROUPING_ERROR,
                    "column \"t1.b\" must appear in the GROUP BY clause or be used in an aggregate function");
        });
    }

    @Test
    void boundParametersBecomeConstantsOfTheirTypes() {
        Statement statement = select(List.of(item(column("a"))), List.of(table("t1")),
                Optional.of(binary(EQUAL, column("a"), parameter(1))), List.of());
        assertRefusedOrWorks(AnalyzerBehavior.SUPPORTS_PARAMETERS, statement, () -> {
            List<Object> values = new ArrayList<>();
            values.add(42);
            Query q = analyzer.analyze(statement, new AnalyzerContext(PlannerFixtures.catalog(),
                    List.of(SqlType.INTEGER), Optional.of(values)));
            assertThat(constants(q.where().orElseThrow())).contains(42);
        });
    }

    @Test
    void insertCastsToColumnTypesAndFillsMissingColumns() {
        Statement insert = new Insert(QualifiedName.of("t3"), List.of("s", "p"),
                io.gangway.spi.ast.Query.of(new QueryBody.Values(List.of(List.of(string("x"), number("1"))), 0)));
        assertRefusedOrWorks(AnalyzerBehavior.SUPPORTS_INSERT, insert, () -> {
            Query q = analyze(insert);
            assertThat(q.command()).isEqualTo(Query.CommandType.INSERT);
            assertThat(q.insertTarget()).contains(PlannerFixtures.T3);
            assertThat(q.targetList()).as("one entry per table column, in table order").hasSize(3);
            assertThat(q.targetList()).extracting(t -> t.expression().type())
                    .containsExactly(SqlType.INTEGER, SqlType.INTEGER, SqlType.TEXT);
        });
    }

    private static List<Object> constants(Expr expr) {
        List<Object> out = new ArrayList<>();
        collect(expr, out);
        return out;
    }

    private static void collect(Expr expr, List<Object> out) {
        switch (expr) {
            case Expr.Constant c -> out.add(c.value());
            case Expr.Call c -> c.arguments().forEach(a -> collect(a, out));
            case Expr.ColumnRef c -> {
            }
            case Expr.InputRef i -> {
            }
            case Expr.Case c -> {
                c.conditions().forEach(a -> collect(a, out));
                c.results().forEach(a -> collect(a, out));
                c.otherwise().ifPresent(a -> collect(a, out));
            }
            case Expr.Aggregate a -> a.arguments().forEach(x -> collect(x, out));
        }
    }
}
