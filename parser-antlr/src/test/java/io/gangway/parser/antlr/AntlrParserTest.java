package io.gangway.parser.antlr;

import static io.gangway.tck.parser.AstPositions.erase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.Extension;
import io.gangway.spi.ExtensionContext;
import io.gangway.spi.ServiceFactory;
import io.gangway.spi.ast.CreateTable;
import io.gangway.spi.ast.Expression;
import io.gangway.spi.ast.Expression.ColumnReference;
import io.gangway.spi.ast.Expression.NumberLiteral;
import io.gangway.spi.ast.Query;
import io.gangway.spi.ast.QueryBody.Select;
import io.gangway.spi.ast.QueryBody.Values;
import io.gangway.spi.ast.QueryStatement;
import io.gangway.spi.ast.Relation;
import io.gangway.spi.ast.SelectItem.Single;
import io.gangway.spi.ast.SetVariable;
import io.gangway.spi.ast.ShowVariable;
import io.gangway.spi.parser.Parser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** What this parser does beyond the TCK: lowerings of forms the parse tree has no node for, and dialect details. */
class AntlrParserTest {
    private final AntlrParser parser = new AntlrParser();

    @Test
    void cursorStatements() {
        var declare = (io.gangway.spi.ast.DeclareCursor) parser.parse("DECLARE c NO SCROLL CURSOR WITH HOLD FOR SELECT a FROM t");
        assertThat(declare.name()).isEqualTo("c");
        assertThat(declare.withHold()).isTrue();
        assertThat(((io.gangway.spi.ast.DeclareCursor) parser.parse("declare \"C\" cursor for select 1")).withHold()).isFalse();
        assertThat(parser.parse("FETCH c")).isEqualTo(new io.gangway.spi.ast.FetchCursor("c", java.util.OptionalLong.of(1), 1));
        assertThat(parser.parse("FETCH NEXT FROM c")).isEqualTo(new io.gangway.spi.ast.FetchCursor("c", java.util.OptionalLong.of(1), 1));
        assertThat(parser.parse("FETCH 25 IN c")).isEqualTo(new io.gangway.spi.ast.FetchCursor("c", java.util.OptionalLong.of(25), 1));
        assertThat(parser.parse("FETCH FORWARD 3 FROM c")).isEqualTo(new io.gangway.spi.ast.FetchCursor("c", java.util.OptionalLong.of(3), 1));
        assertThat(parser.parse("FETCH ALL FROM c")).isEqualTo(new io.gangway.spi.ast.FetchCursor("c", java.util.OptionalLong.empty(), 1));
        assertThat(parser.parse("FETCH FORWARD ALL c")).isEqualTo(new io.gangway.spi.ast.FetchCursor("c", java.util.OptionalLong.empty(), 1));
        assertThat(parser.parse("CLOSE c")).isEqualTo(new io.gangway.spi.ast.CloseCursor(java.util.Optional.of("c"), 1));
        assertThat(parser.parse("CLOSE ALL")).isEqualTo(new io.gangway.spi.ast.CloseCursor(java.util.Optional.empty(), 1));
        // The new keywords stay usable as names, as in PostgreSQL.
        assertThat(parser.parse("SELECT cursor, hold, scroll, no, forward, close, declare FROM t")).isNotNull();
    }

    @Test
    void extensionIsFoundByServiceLoader() {
        Extension extension = ServiceLoader.load(Extension.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(e -> e.name().equals("antlr"))
                .findFirst().orElseThrow();
        ServiceFactory<?> factory = extension.factories().getFirst();
        assertThat(factory.type()).isEqualTo(Parser.class);
        assertThat(factory.name()).isEqualTo("antlr");
        Object service = factory.create(new ExtensionContext(ExtensionContext.Role.COORDINATOR, -1, Path.of(".")), Map.of());
        assertThat(service).isInstanceOf(AntlrParser.class);
    }

    @Test
    void cteReferencesBecomeSubqueries() {
        Select select = select("WITH r AS (SELECT a FROM t), s AS (SELECT a FROM r) SELECT * FROM s, r x, other");
        assertThat(select.from()).hasSize(3);
        Relation.Subquery s = (Relation.Subquery) select.from().get(0);
        assertThat(s.alias()).isEqualTo("s");
        Relation.Subquery nested = (Relation.Subquery) ((Select) s.query().body()).from().getFirst();
        assertThat(nested.alias()).as("a CTE sees the ones before it").isEqualTo("r");
        assertThat(((Relation.Subquery) select.from().get(1)).alias()).isEqualTo("x");
        assertThat(select.from().get(2)).isInstanceOf(Relation.Table.class);
    }

    @Test
    void cteIsVisibleInNestedSubqueries() {
        Select select = select("WITH r AS (SELECT 1 AS v) SELECT (SELECT max(v) FROM r) FROM r");
        Expression.ScalarSubquery sub = (Expression.ScalarSubquery) ((Single) select.items().getFirst()).expression();
        assertThat(((Select) sub.query().body()).from().getFirst()).isInstanceOf(Relation.Subquery.class);
    }

    @Test
    void cteColumnListRenamesOutputs() {
        Select select = select("WITH r (x, y) AS (SELECT a, b FROM t) SELECT x FROM r");
        Select inner = (Select) ((Relation.Subquery) select.from().getFirst()).query().body();
        assertThat(inner.items()).extracting(i -> ((Single) i).alias().orElseThrow()).containsExactly("x", "y");
    }

    @Test
    void recursiveCteIsNotSupported() {
        assertState("WITH RECURSIVE r AS (SELECT 1) SELECT * FROM r", SqlState.FEATURE_NOT_SUPPORTED);
    }

    @Test
    void subqueryColumnAliasesRenameSelectItems() {
        Select select = select("SELECT * FROM (SELECT a, count(b) FROM t GROUP BY a) AS c (k, n)");
        Select inner = (Select) ((Relation.Subquery) select.from().getFirst()).query().body();
        assertThat(inner.items()).extracting(i -> ((Single) i).alias().orElseThrow()).containsExactly("k", "n");
    }

    @Test
    void valuesWithColumnAliasesIsWrappedInASelect() {
        Select select = select("SELECT a FROM (VALUES (1, 2), (3, 4)) AS v (a)");
        Relation.Subquery v = (Relation.Subquery) select.from().getFirst();
        assertThat(v.alias()).isEqualTo("v");
        Select wrapper = (Select) v.query().body();
        assertThat(erase(wrapper.items())).containsExactly(
                new Single(new ColumnReference(List.of("column1"), 0), Optional.of("a")),
                new Single(new ColumnReference(List.of("column2"), 0), Optional.empty()));
        assertThat(((Relation.Subquery) wrapper.from().getFirst()).query().body()).isInstanceOf(Values.class);
    }

    @Test
    void tooManyColumnAliases() {
        assertThatThrownBy(() -> parser.parse("SELECT * FROM (SELECT 1) AS s (a, b)"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.INVALID_COLUMN_REFERENCE);
                    assertThat(e.getMessage()).isEqualTo("table \"s\" has 1 columns available but 2 columns specified");
                });
    }

    @Test
    void columnAliasesOnATableAreNotSupported() {
        assertState("SELECT * FROM t AS x (a)", SqlState.FEATURE_NOT_SUPPORTED);
    }

    @Test
    void isDistinctFromIsLoweredToCase() {
        Expression e = expression("a IS DISTINCT FROM b");
        assertThat(e).isInstanceOf(Expression.Case.class);
        assertThat(((Expression.Case) e).whens()).hasSize(2);
        assertThat(expression("a IS TRUE")).isInstanceOf(Expression.Case.class);
    }

    @Test
    void unsupportedStatementsAreRefusedWithFeatureNotSupported() {
        for (String sql : List.of("ALTER TABLE t ADD PRIMARY KEY (a)", "UPDATE t SET a = 1", "DELETE FROM t",
                "COPY t FROM STDIN", "TRUNCATE t", "VACUUM")) {
            assertThatThrownBy(() -> parser.parse(sql)).as(sql)
                    .isInstanceOfSatisfying(SqlException.class, e -> {
                        assertThat(e.state()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
                        assertThat(e.position()).hasValue(1);
                    });
        }
        for (String sql : List.of("CREATE TABLE t (a int DEFAULT 1)", "CREATE TABLE t AS SELECT 1", "CREATE INDEX i ON t (a)",
                "CREATE UNIQUE INDEX i ON t (a)", "DROP SCHEMA s", "SELECT count(*) FILTER (WHERE a > 1) FROM t",
                "SELECT rank() OVER (PARTITION BY a ORDER BY b) FROM t")) {
            assertState(sql, SqlState.FEATURE_NOT_SUPPORTED);
        }
        assertState("CREATE VIEW v AS SELEC 1", SqlState.SYNTAX_ERROR);
    }

    @Test
    void unterminatedString() {
        assertThatThrownBy(() -> parser.parse("SELECT 'abc"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.SYNTAX_ERROR);
                    assertThat(e.getMessage()).isEqualTo("unterminated quoted string at or near \"'abc\"");
                    assertThat(e.position()).hasValue(8);
                });
    }

    @Test
    void unknownCharacterIsASyntaxError() {
        assertThatThrownBy(() -> parser.parse("SELECT 1 @ 2"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("syntax error at or near \"@\"");
                    assertThat(e.position()).hasValue(10);
                });
    }

    @Test
    void fetchFirstAndOffsetRows() {
        Query query = ((QueryStatement) parser.parse("SELECT a FROM t OFFSET 2 ROWS FETCH FIRST 3 ROWS ONLY")).query();
        assertThat(erase(query.limit())).contains(new NumberLiteral("3", 0));
        assertThat(erase(query.offset())).contains(new NumberLiteral("2", 0));
        Query only = ((QueryStatement) parser.parse("SELECT a FROM t FETCH FIRST ROW ONLY")).query();
        assertThat(erase(only.limit())).contains(new NumberLiteral("1", 0));
        Query reversed = ((QueryStatement) parser.parse("SELECT a FROM t OFFSET 4 LIMIT 5")).query();
        assertThat(erase(reversed.limit())).contains(new NumberLiteral("5", 0));
        assertThat(erase(reversed.offset())).contains(new NumberLiteral("4", 0));
    }

    @Test
    void parenthesizedQueryKeepsItsOrderAndLimit() {
        Query query = ((QueryStatement) parser.parse("(SELECT a FROM t ORDER BY a) LIMIT 1")).query();
        assertThat(query.orderBy()).hasSize(1);
        assertThat(query.limit()).isPresent();
        assertState("(SELECT a FROM t ORDER BY a) ORDER BY a", SqlState.SYNTAX_ERROR);
    }

    @Test
    void timeZoneAndIsolationForms() {
        assertThat(parser.parse("SET TIME ZONE 'UTC'")).isEqualTo(new SetVariable("timezone", "UTC", false, false));
        assertThat(parser.parse("SET LOCAL TIME ZONE DEFAULT")).isEqualTo(new SetVariable("timezone", "", true, true));
        assertThat(parser.parse("SHOW TIME ZONE")).isEqualTo(new ShowVariable("timezone"));
        assertThat(parser.parse("SHOW TRANSACTION ISOLATION LEVEL")).isEqualTo(new ShowVariable("transaction_isolation"));
        assertThat(parser.parse("SET search_path TO public, \"My\"")).isEqualTo(new SetVariable("search_path", "public, My", false, false));
        assertThat(parser.parse("SET x = -1.5")).isEqualTo(new SetVariable("x", "-1.5", false, false));
        assertThat(parser.parse("SET application_name = 'PostgreSQL JDBC Driver'"))
                .isEqualTo(new SetVariable("application_name", "PostgreSQL JDBC Driver", false, false));
    }

    @Test
    void storageOptionsWithoutValueMeanTrue() {
        CreateTable table = (CreateTable) parser.parse("CREATE TABLE t (a int) WITH (appendonly, orientation = column, compresstype = 'zlib')");
        assertThat(table.with()).isEqualTo(Map.of("appendonly", "true", "orientation", "column", "compresstype", "zlib"));
    }

    @Test
    void primaryKeyMakesColumnsNotNull() {
        CreateTable table = (CreateTable) parser.parse("CREATE TABLE t (a int, b int PRIMARY KEY, c int, PRIMARY KEY (a))");
        assertThat(table.columns()).extracting(c -> c.notNull()).containsExactly(true, true, false);
        assertState("CREATE TABLE t (a int, PRIMARY KEY (z))", SqlState.UNDEFINED_COLUMN);
    }

    @Test
    void commentsAndWhitespaceAreIgnored() {
        assertThat(erase(parser.parse("/* hi */ SELECT -- there\n 1"))).isEqualTo(erase(parser.parse("SELECT 1")));
    }

    @Test
    void functionsNamedLikeKeywords() {
        assertThat(expression("left(s, 2)")).isInstanceOf(Expression.FunctionCall.class);
        assertThat(expression("substring(s, 2, 3)")).isInstanceOf(Expression.FunctionCall.class);
        assertThat(expression("position('a' IN s)")).isInstanceOf(Expression.FunctionCall.class);
        assertThat(expression("EXTRACT('month' FROM d)")).isEqualTo(new Expression.Extract("month", new ColumnReference(List.of("d"), 0), 0));
    }

    @Test
    void binaryPositionIsTheOperator() {
        String sql = "SELECT a\n  AND b";
        Expression e = ((Single) select(sql).items().getFirst()).expression();
        assertThat(e.position()).isEqualTo(sql.indexOf("AND") + 1);
    }

    @Test
    void deepExpressionsParseQuickly() {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < 200; i++) {
            sql.append("(a").append(i).append(" + ");
        }
        sql.append('1');
        sql.append(")".repeat(200));
        assertThat(parser.parse(sql.toString())).isInstanceOf(QueryStatement.class);
    }

    private Select select(String sql) {
        return (Select) ((QueryStatement) parser.parse(sql)).query().body();
    }

    private Expression expression(String text) {
        return erase(((Single) select("SELECT " + text).items().getFirst()).expression());
    }

    private void assertState(String sql, SqlState state) {
        assertThatThrownBy(() -> parser.parse(sql)).as(sql)
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(state));
    }
}
