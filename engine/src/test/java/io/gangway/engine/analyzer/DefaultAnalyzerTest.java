package io.gangway.engine.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.engine.catalog.CatalogSnapshot;
import io.gangway.engine.catalog.CatalogState;
import io.gangway.engine.rewriter.StoredViewDefinitions;
import io.gangway.engine.rewriter.ViewExpander;
import io.gangway.parser.antlr.AntlrParser;
import io.gangway.spi.analyzer.AnalyzerContext;
import io.gangway.spi.catalog.DistributionPolicy;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.catalog.ViewDescriptor;
import io.gangway.spi.parser.Parser;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.Query;
import io.gangway.spi.query.RangeTableEntry;
import io.gangway.spi.query.ScalarFunction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefaultAnalyzerTest {
    private static final TableDescriptor T = new TableDescriptor(100, "public", "t", List.of(
            new Column("a", SqlType.INTEGER), new Column("b", SqlType.BIGINT), new Column("c", SqlType.TEXT),
            new Column("d", SqlType.BOOLEAN), new Column("e", SqlType.numeric(12, 2)), new Column("f", SqlType.DATE)),
            List.of(false, false, false, false, false, false), new DistributionPolicy.Hashed(List.of(0), 2), "heap", Map.of());
    private static final TableDescriptor U = new TableDescriptor(101, "public", "u", List.of(
            new Column("a", SqlType.INTEGER), new Column("x", SqlType.TEXT)),
            List.of(false, true), new DistributionPolicy.Random(2), "heap", Map.of());
    private static final ViewDescriptor V = new ViewDescriptor(102, "public", "v",
            List.of(new Column("a", SqlType.INTEGER), new Column("total", SqlType.NUMERIC)),
            "SELECT a, sum(e) FROM t GROUP BY a");
    private static final CatalogSnapshot CATALOG = new CatalogSnapshot(new CatalogState(
            Map.of("public.t", T, "public.u", U), Map.of("public.v", V), List.of(
                    new SegmentDescriptor(1, -1, 'p', 'p', 'n', 'u', 1, "h", "h", "/c"),
                    new SegmentDescriptor(2, 0, 'p', 'p', 'n', 'u', 2, "h", "h", "/0"),
                    new SegmentDescriptor(3, 1, 'p', 'p', 'n', 'u', 3, "h", "h", "/1")), 200, 1));

    private final Parser parser = new AntlrParser();
    private final DefaultAnalyzer analyzer = new DefaultAnalyzer();

    private Query analyze(String sql) {
        return analyzer.analyze(parser.parse(sql), AnalyzerContext.of(CATALOG));
    }

    private void assertError(String sql, SqlState state, String message) {
        assertThatThrownBy(() -> analyze(sql)).as(sql).isInstanceOfSatisfying(SqlException.class, e -> {
            assertThat(e.state()).isEqualTo(state);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void resolvesColumnsAndTypesTheSelectList() {
        Query q = analyze("SELECT a, b + a AS s, c || 'x', e * 2, f + 1 FROM t WHERE a > 1 AND d");
        assertThat(q.resultColumns()).extracting(Column::name).containsExactly("a", "s", "?column?", "?column?", "?column?");
        assertThat(q.resultColumns()).extracting(Column::type)
                .containsExactly(SqlType.INTEGER, SqlType.BIGINT, SqlType.TEXT, SqlType.NUMERIC, SqlType.DATE);
        Expr sum = q.targetList().get(1).expression();
        assertThat(sum).isEqualTo(new Expr.Call(ScalarFunction.ADD, List.of(
                new Expr.ColumnRef(0, 1, "b", SqlType.BIGINT),
                new Expr.Call(ScalarFunction.CAST, List.of(new Expr.ColumnRef(0, 0, "a", SqlType.INTEGER)), SqlType.BIGINT)),
                SqlType.BIGINT));
        assertThat(q.where()).isPresent();
    }

    @Test
    void foldsLiteralsToTheTypeTheirContextWants() {
        Query q = analyze("SELECT a FROM t WHERE f >= '2024-01-31' AND e = '1.5' AND f < date '1998-12-01' - interval '90' day");
        Expr.Call and = (Expr.Call) q.where().orElseThrow();
        List<Object> constants = new ArrayList<>();
        collectConstants(and, constants);
        assertThat(constants).containsExactly(LocalDate.of(2024, 1, 31), new BigDecimal("1.50"), LocalDate.of(1998, 9, 2));
    }

    private static void collectConstants(Expr expr, List<Object> out) {
        switch (expr) {
            case Expr.Constant c -> out.add(c.value());
            case Expr.Call c -> c.arguments().forEach(a -> collectConstants(a, out));
            default -> {
            }
        }
    }

    @Test
    void reportsPostgresErrorsWithTheirStates() {
        assertError("SELECT * FROM nope", SqlState.UNDEFINED_TABLE, "relation \"nope\" does not exist");
        assertError("SELECT zz FROM t", SqlState.UNDEFINED_COLUMN, "column \"zz\" does not exist");
        assertError("SELECT a FROM t, u", SqlState.AMBIGUOUS_COLUMN, "column reference \"a\" is ambiguous");
        assertError("SELECT a + c FROM t", SqlState.UNDEFINED_FUNCTION, "operator does not exist: integer + text");
        assertError("SELECT a FROM t WHERE a", SqlState.DATATYPE_MISMATCH, "argument of WHERE must be type boolean, not type integer");
        assertError("SELECT b, count(*) FROM t GROUP BY a", SqlState.GROUPING_ERROR,
                "column \"t.b\" must appear in the GROUP BY clause or be used in an aggregate function");
        assertError("SELECT a FROM t WHERE sum(a) > 1", SqlState.GROUPING_ERROR, "aggregate functions are not allowed in WHERE");
        assertError("INSERT INTO t (a) VALUES ('x'::text)", SqlState.DATATYPE_MISMATCH,
                "column \"a\" is of type integer but expression is of type text");
        assertError("INSERT INTO t (a) VALUES (1, 2)", SqlState.SYNTAX_ERROR, "INSERT has more expressions than target columns");
        assertError("INSERT INTO u (a) VALUES (1)", SqlState.NOT_NULL_VIOLATION,
                "null value in column \"x\" of relation \"u\" violates not-null constraint");
        assertError("SELECT a FROM t ORDER BY 5", SqlState.INVALID_COLUMN_REFERENCE, "ORDER BY position 5 is not in select list");
        assertError("SELECT nosuch(a) FROM t", SqlState.UNDEFINED_FUNCTION, "function nosuch(integer) does not exist");
    }

    @Test
    void unknownColumnErrorPointsAtTheColumn() {
        assertThatThrownBy(() -> analyze("SELECT a, zz FROM t"))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.position()).hasValue(11));
    }

    @Test
    void aggregatesGroupingAndOrdering() {
        Query q = analyze("SELECT c, count(*), avg(a), sum(b) FROM t GROUP BY c HAVING max(e) > 1 ORDER BY 2 DESC, sum(a)");
        assertThat(q.hasAggregates()).isTrue();
        assertThat(q.groupBy()).containsExactly(new Expr.ColumnRef(0, 2, "c", SqlType.TEXT));
        assertThat(q.resultColumns()).extracting(Column::type)
                .containsExactly(SqlType.TEXT, SqlType.BIGINT, SqlType.NUMERIC, SqlType.NUMERIC);
        assertThat(q.targetList()).hasSize(5);
        assertThat(q.targetList().get(4).junk()).isTrue();
        assertThat(q.orderBy()).hasSize(2);
        assertThat(q.orderBy().getFirst().ascending()).isFalse();
        assertThat(q.orderBy().getFirst().nullsFirst()).isTrue();
    }

    @Test
    void insertFillsMissingColumnsAndCastsToColumnTypes() {
        Query q = analyze("INSERT INTO t (c, a, e) VALUES ('x', 1, 2), ('y', 2, 3.456)");
        assertThat(q.insertTarget()).contains(T);
        assertThat(q.targetList()).hasSize(6);
        RangeTableEntry.Values values = (RangeTableEntry.Values) q.rangeTable().getFirst();
        assertThat(values.rows().get(1)).containsExactly(new Expr.Constant("y", SqlType.TEXT),
                new Expr.Constant(2, SqlType.INTEGER), new Expr.Constant(new BigDecimal("3.46"), SqlType.numeric(12, 2)));
        assertThat(q.targetList().get(1).expression()).isEqualTo(new Expr.Constant(null, SqlType.BIGINT));
    }

    @Test
    void boundParametersBecomeConstants() {
        Query q = analyzer.analyze(parser.parse("SELECT a FROM t WHERE a = $1 AND c = $2"),
                new AnalyzerContext(CATALOG, List.of(SqlType.INTEGER), Optional.of(List.of(42, "hello"))));
        List<Object> constants = new ArrayList<>();
        collectConstants(q.where().orElseThrow(), constants);
        assertThat(constants).containsExactly(42, "hello");
    }

    @Test
    void rewriterReplacesViewsWithTheirQueries() {
        Query q = analyze("SELECT v.total FROM v WHERE a = 1");
        assertThat(q.rangeTable().getFirst()).isInstanceOf(RangeTableEntry.View.class);
        Query rewritten = new ViewExpander().rewrite(q, StoredViewDefinitions.context(parser, analyzer, CATALOG));
        RangeTableEntry.Subquery sub = (RangeTableEntry.Subquery) rewritten.rangeTable().getFirst();
        assertThat(sub.alias()).isEqualTo("v");
        assertThat(sub.columns()).extracting(Column::name).containsExactly("a", "total");
        assertThat(sub.query().hasAggregates()).isTrue();
    }

    @Test
    void segmentConfigurationIsASystemView() {
        Query q = analyze("SELECT content, status FROM gp_segment_configuration");
        RangeTableEntry.Values values = (RangeTableEntry.Values) q.rangeTable().getFirst();
        assertThat(values.rows()).hasSize(3);
    }
}
