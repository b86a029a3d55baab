package io.gangway.tck.parser;

import static io.gangway.tck.parser.AstPositions.erase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.ast.ColumnDefinition;
import io.gangway.spi.ast.CreateTable;
import io.gangway.spi.ast.CreateView;
import io.gangway.spi.ast.DistributedBy;
import io.gangway.spi.ast.DropTable;
import io.gangway.spi.ast.DropView;
import io.gangway.spi.ast.Explain;
import io.gangway.spi.ast.Expression;
import io.gangway.spi.ast.Expression.Between;
import io.gangway.spi.ast.Expression.Binary;
import io.gangway.spi.ast.Expression.BinaryOperator;
import io.gangway.spi.ast.Expression.BooleanLiteral;
import io.gangway.spi.ast.Expression.Case;
import io.gangway.spi.ast.Expression.Cast;
import io.gangway.spi.ast.Expression.ColumnReference;
import io.gangway.spi.ast.Expression.Exists;
import io.gangway.spi.ast.Expression.Extract;
import io.gangway.spi.ast.Expression.FunctionCall;
import io.gangway.spi.ast.Expression.InList;
import io.gangway.spi.ast.Expression.InSubquery;
import io.gangway.spi.ast.Expression.IsNull;
import io.gangway.spi.ast.Expression.Like;
import io.gangway.spi.ast.Expression.NullLiteral;
import io.gangway.spi.ast.Expression.NumberLiteral;
import io.gangway.spi.ast.Expression.Parameter;
import io.gangway.spi.ast.Expression.ScalarSubquery;
import io.gangway.spi.ast.Expression.StringLiteral;
import io.gangway.spi.ast.Expression.TypedLiteral;
import io.gangway.spi.ast.Expression.Unary;
import io.gangway.spi.ast.Expression.UnaryOperator;
import io.gangway.spi.ast.Expression.WhenClause;
import io.gangway.spi.ast.Insert;
import io.gangway.spi.ast.QualifiedName;
import io.gangway.spi.ast.Query;
import io.gangway.spi.ast.QueryBody.Select;
import io.gangway.spi.ast.QueryBody.Values;
import io.gangway.spi.ast.QueryStatement;
import io.gangway.spi.ast.Relation;
import io.gangway.spi.ast.Relation.Join;
import io.gangway.spi.ast.Relation.JoinType;
import io.gangway.spi.ast.Relation.Table;
import io.gangway.spi.ast.ResetVariable;
import io.gangway.spi.ast.SelectItem;
import io.gangway.spi.ast.SelectItem.AllColumns;
import io.gangway.spi.ast.SelectItem.Single;
import io.gangway.spi.ast.SetVariable;
import io.gangway.spi.ast.ShowVariable;
import io.gangway.spi.ast.SortItem;
import io.gangway.spi.ast.Statement;
import io.gangway.spi.ast.TransactionStatement;
import io.gangway.spi.ast.TypeName;
import io.gangway.spi.parser.Parser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Parser} meets: the parse tree of each statement form, PostgreSQL's
 * operator precedence and identifier folding, positions, multi-statement text, and SQLSTATE
 * 42601 / 0A000 errors. An implementation's test extends this class and supplies the parser.
 *
 * <p>Trees are compared as records with positions erased ({@link AstPositions#erase}); the tests
 * named {@code position…} check positions themselves.
 */
public abstract class ParserContractTest {
    protected Parser parser;

    /** The parser under test; called before every test. */
    protected abstract Parser createParser();

    @BeforeEach
    void setUpParser() {
        parser = createParser();
    }

    // ------------------------------------------------------------ DDL

    @Test
    void createTableWithEveryClause() {
        Statement statement = parser.parse("""
                CREATE TABLE IF NOT EXISTS public.orders (
                  o_orderkey int NOT NULL,
                  o_total numeric(12, 2) NULL,
                  o_comment character varying(79),
                  o_price double precision,
                  PRIMARY KEY (o_orderkey)
                ) USING heap WITH (appendoptimized = true, compresslevel = 5) DISTRIBUTED BY (o_orderkey)""");
        assertThat(erase(statement)).isEqualTo(new CreateTable(
                new QualifiedName(List.of("public", "orders"), 0),
                List.of(
                        new ColumnDefinition("o_orderkey", type("int"), true, 0),
                        new ColumnDefinition("o_total", type("numeric", 12, 2), false, 0),
                        new ColumnDefinition("o_comment", type("character varying", 79), false, 0),
                        new ColumnDefinition("o_price", type("double precision"), false, 0)),
                Optional.of(new DistributedBy.Hashed(List.of("o_orderkey"))),
                Optional.of("heap"),
                Map.of("appendoptimized", "true", "compresslevel", "5"),
                true));
    }

    @Test
    void createTableMinimal() {
        assertThat(erase(parser.parse("create table T (A BIGINT, b text)"))).isEqualTo(new CreateTable(
                name("t"),
                List.of(new ColumnDefinition("a", type("bigint"), false, 0), new ColumnDefinition("b", type("text"), false, 0)),
                Optional.empty(), Optional.empty(), Map.of(), false));
    }

    @Test
    void createTableDistribution() {
        assertThat(((CreateTable) parser.parse("CREATE TABLE t (a int) DISTRIBUTED RANDOMLY")).distributedBy())
                .contains(new DistributedBy.Randomly());
        assertThat(((CreateTable) parser.parse("CREATE TABLE t (a int) DISTRIBUTED REPLICATED")).distributedBy())
                .contains(new DistributedBy.Replicated());
        assertThat(((CreateTable) parser.parse("CREATE TABLE t (a int, b int) DISTRIBUTED BY (b, a)")).distributedBy())
                .contains(new DistributedBy.Hashed(List.of("b", "a")));
    }

    @Test
    void columnTypesKeepTheirWrittenNames() {
        CreateTable table = (CreateTable) parser.parse("""
                CREATE TABLE t (a INT4, b SMALLINT, c Decimal(15,2), d CHAR(25), e VARCHAR(10),
                  f BOOLEAN, g DATE, h REAL, i FLOAT8, j Character(3), k timestamp, l integer)""");
        assertThat(table.columns()).extracting(ColumnDefinition::type).extracting(TypeName::name).containsExactly(
                "int4", "smallint", "decimal", "char", "varchar", "boolean", "date", "real", "float8",
                "character", "timestamp", "integer");
        assertThat(table.columns().get(2).type().modifiers()).containsExactly(15, 2);
    }

    @Test
    void dropTable() {
        assertThat(erase(parser.parse("DROP TABLE IF EXISTS a, s.b"))).isEqualTo(
                new DropTable(List.of(name("a"), new QualifiedName(List.of("s", "b"), 0)), true));
        assertThat(erase(parser.parse("drop table a"))).isEqualTo(new DropTable(List.of(name("a")), false));
    }

    @Test
    void createViewKeepsQueryText() {
        String sql = "CREATE OR REPLACE VIEW v (x, y) AS SELECT a,  b FROM t -- note\n;";
        CreateView view = (CreateView) parser.parse(sql);
        assertThat(view.name().parts()).containsExactly("v");
        assertThat(view.columnNames()).containsExactly("x", "y");
        assertThat(view.orReplace()).isTrue();
        assertThat(view.queryText()).isEqualTo("SELECT a,  b FROM t");
        assertThat(erase(view.query())).isEqualTo(Query.of(select(
                List.of(item(column("a")), item(column("b"))), List.of(table("t")))));

        CreateView plain = (CreateView) parser.parse("create view w as values (1)");
        assertThat(plain.orReplace()).isFalse();
        assertThat(plain.columnNames()).isEmpty();
        assertThat(plain.queryText()).isEqualTo("values (1)");
    }

    @Test
    void dropView() {
        assertThat(erase(parser.parse("DROP VIEW IF EXISTS v1, v2"))).isEqualTo(new DropView(List.of(name("v1"), name("v2")), true));
        assertThat(erase(parser.parse("DROP VIEW v"))).isEqualTo(new DropView(List.of(name("v")), false));
    }

    // ------------------------------------------------------------ INSERT

    @Test
    void insertValues() {
        assertThat(erase(parser.parse("INSERT INTO t (a, b) VALUES (1, 'x'), (2, NULL)"))).isEqualTo(new Insert(
                name("t"), List.of("a", "b"),
                Query.of(new Values(List.of(
                        List.of(number("1"), string("x")),
                        List.of(number("2"), new NullLiteral(0))), 0))));
    }

    @Test
    void insertSelect() {
        assertThat(erase(parser.parse("insert into s.t select * from u"))).isEqualTo(new Insert(
                new QualifiedName(List.of("s", "t"), 0), List.of(),
                Query.of(select(List.of(new AllColumns(Optional.empty(), 0)), List.of(table("u"))))));
    }

    // ------------------------------------------------------------ queries

    @Test
    void selectWithEveryClause() {
        Query query = query("""
                SELECT DISTINCT a, sum(b) AS total FROM t WHERE a > 1 GROUP BY a HAVING sum(b) > 10
                ORDER BY 2 DESC NULLS LAST, a LIMIT 10 OFFSET 5""");
        Expression sumB = function("sum", column("b"));
        assertThat(erase(query)).isEqualTo(new Query(
                new Select(true,
                        List.of(item(column("a")), new Single(sumB, Optional.of("total"))),
                        List.of(table("t")),
                        Optional.of(binary(BinaryOperator.GREATER, column("a"), number("1"))),
                        List.of(column("a")),
                        Optional.of(binary(BinaryOperator.GREATER, sumB, number("10")))),
                List.of(new SortItem(number("2"), false, Optional.of(false)), new SortItem(column("a"), true, Optional.empty())),
                Optional.of(number("10")),
                Optional.of(number("5"))));
    }

    @Test
    void selectWithoutFrom() {
        assertThat(erase(query("SELECT 1"))).isEqualTo(Query.of(select(List.of(item(number("1"))), List.of())));
    }

    @Test
    void limitAllAndNullsFirst() {
        Query query = query("SELECT a FROM t ORDER BY a ASC NULLS FIRST LIMIT ALL");
        assertThat(query.limit()).isEmpty();
        assertThat(query.orderBy()).singleElement().isEqualTo(new SortItem(query.orderBy().getFirst().expression(), true, Optional.of(true)));
    }

    @Test
    void selectItems() {
        Select select = (Select) query("SELECT *, t.*, a b, c AS \"D\" FROM t").body();
        assertThat(erase(select.items())).containsExactly(
                new AllColumns(Optional.empty(), 0),
                new AllColumns(Optional.of("t"), 0),
                new Single(column("a"), Optional.of("b")),
                new Single(column("c"), Optional.of("D")));
    }

    @Test
    void joins() {
        Select select = (Select) query("""
                SELECT * FROM a
                  JOIN b ON a.x = b.x
                  LEFT OUTER JOIN c USING (y)
                  RIGHT JOIN d ON true
                  FULL JOIN e ON false
                  CROSS JOIN f""").body();
        Relation expected = new Join(JoinType.CROSS,
                new Join(JoinType.FULL,
                        new Join(JoinType.RIGHT,
                                new Join(JoinType.LEFT,
                                        new Join(JoinType.INNER, table("a"), table("b"),
                                                Optional.of(binary(BinaryOperator.EQUAL, column("a", "x"), column("b", "x"))), List.of()),
                                        table("c"), Optional.empty(), List.of("y")),
                                table("d"), Optional.of(new BooleanLiteral(true, 0)), List.of()),
                        table("e"), Optional.of(new BooleanLiteral(false, 0)), List.of()),
                table("f"), Optional.empty(), List.of());
        assertThat(erase(select.from())).containsExactly(expected);
    }

    @Test
    void innerJoinKeywordAndAliases() {
        Select select = (Select) query("SELECT * FROM a AS x INNER JOIN b y ON x.k = y.k, c").body();
        assertThat(erase(select.from())).containsExactly(
                new Join(JoinType.INNER,
                        new Table(name("a"), Optional.of("x")),
                        new Table(name("b"), Optional.of("y")),
                        Optional.of(binary(BinaryOperator.EQUAL, column("x", "k"), column("y", "k"))), List.of()),
                table("c"));
    }

    @Test
    void subqueryInFrom() {
        Select select = (Select) query("SELECT s.a FROM (SELECT a FROM t) AS s, (VALUES (1)) v").body();
        assertThat(erase(select.from())).containsExactly(
                new Relation.Subquery(Query.of(select(List.of(item(column("a"))), List.of(table("t")))), "s", 0),
                new Relation.Subquery(Query.of(new Values(List.of(List.of(number("1"))), 0)), "v", 0));
    }

    @Test
    void valuesAsQuery() {
        assertThat(erase(parser.parse("VALUES (1, 2), (3, 4) ORDER BY 1"))).isEqualTo(new QueryStatement(new Query(
                new Values(List.of(List.of(number("1"), number("2")), List.of(number("3"), number("4"))), 0),
                List.of(new SortItem(number("1"), true, Optional.empty())), Optional.empty(), Optional.empty())));
    }

    @Test
    void setOperationsAreNotSupported() {
        assertThatThrownBy(() -> parser.parse("SELECT 1 UNION SELECT 2"))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
    }

    // ------------------------------------------------------------ EXPLAIN, SET, SHOW, RESET, transactions

    @Test
    void explain() {
        Statement inner = new QueryStatement(Query.of(select(List.of(item(number("1"))), List.of())));
        assertThat(erase(parser.parse("EXPLAIN SELECT 1"))).isEqualTo(new Explain(inner, false, false));
        assertThat(erase(parser.parse("EXPLAIN ANALYZE SELECT 1"))).isEqualTo(new Explain(inner, true, false));
        assertThat(erase(parser.parse("EXPLAIN ANALYZE VERBOSE SELECT 1"))).isEqualTo(new Explain(inner, true, true));
        assertThat(erase(parser.parse("EXPLAIN VERBOSE SELECT 1"))).isEqualTo(new Explain(inner, false, true));
        assertThat(erase(parser.parse("EXPLAIN (ANALYZE, VERBOSE) SELECT 1"))).isEqualTo(new Explain(inner, true, true));
        assertThat(erase(parser.parse("explain (analyze false, costs off) select 1"))).isEqualTo(new Explain(inner, false, false));
    }

    @Test
    void setVariable() {
        assertThat(parser.parse("SET statement_timeout = '5s'")).isEqualTo(new SetVariable("statement_timeout", "5s", false, false));
        assertThat(parser.parse("SET extra_float_digits TO 3")).isEqualTo(new SetVariable("extra_float_digits", "3", false, false));
        assertThat(parser.parse("SET SESSION DateStyle = ISO")).isEqualTo(new SetVariable("datestyle", "iso", false, false));
        assertThat(parser.parse("set local enable_seqscan = off")).isEqualTo(new SetVariable("enable_seqscan", "off", true, false));
        assertThat(parser.parse("SET gp_interconnect_type TO DEFAULT")).isEqualTo(new SetVariable("gp_interconnect_type", "", false, true));
    }

    @Test
    void showAndReset() {
        assertThat(parser.parse("SHOW server_version")).isEqualTo(new ShowVariable("server_version"));
        assertThat(parser.parse("show ALL")).isEqualTo(new ShowVariable("all"));
        assertThat(parser.parse("RESET work_mem")).isEqualTo(new ResetVariable("work_mem"));
        assertThat(parser.parse("reset all")).isEqualTo(new ResetVariable("all"));
    }

    @Test
    void transactionControl() {
        TransactionStatement begin = new TransactionStatement(TransactionStatement.Kind.BEGIN);
        TransactionStatement commit = new TransactionStatement(TransactionStatement.Kind.COMMIT);
        TransactionStatement rollback = new TransactionStatement(TransactionStatement.Kind.ROLLBACK);
        assertThat(parser.parseAll("BEGIN; begin transaction; BEGIN WORK; START TRANSACTION; COMMIT; END; commit work;"
                + " ROLLBACK; ABORT"))
                .containsExactly(begin, begin, begin, begin, commit, commit, commit, rollback, rollback);
    }

    // ------------------------------------------------------------ expressions

    @Test
    void arithmeticPrecedence() {
        assertThat(expression("1 + 2 * 3")).isEqualTo(
                binary(BinaryOperator.ADD, number("1"), binary(BinaryOperator.MULTIPLY, number("2"), number("3"))));
        assertThat(expression("(1 + 2) * 3")).isEqualTo(
                binary(BinaryOperator.MULTIPLY, binary(BinaryOperator.ADD, number("1"), number("2")), number("3")));
        assertThat(expression("a - b - c")).isEqualTo(
                binary(BinaryOperator.SUBTRACT, binary(BinaryOperator.SUBTRACT, column("a"), column("b")), column("c")));
        assertThat(expression("a / b % c")).isEqualTo(
                binary(BinaryOperator.MODULO, binary(BinaryOperator.DIVIDE, column("a"), column("b")), column("c")));
        assertThat(expression("-a * b")).isEqualTo(
                binary(BinaryOperator.MULTIPLY, new Unary(UnaryOperator.NEGATE, column("a"), 0), column("b")));
        assertThat(expression("-a::int")).isEqualTo(
                new Unary(UnaryOperator.NEGATE, new Cast(column("a"), type("int"), 0), 0));
        assertThat(expression("a || b || 'c'")).isEqualTo(binary(BinaryOperator.CONCAT,
                binary(BinaryOperator.CONCAT, column("a"), column("b")), string("c")));
        assertThat(expression("a || b = c + 1")).isEqualTo(binary(BinaryOperator.EQUAL,
                binary(BinaryOperator.CONCAT, column("a"), column("b")), binary(BinaryOperator.ADD, column("c"), number("1"))));
    }

    @Test
    void booleanPrecedence() {
        assertThat(expression("a OR b AND NOT c")).isEqualTo(binary(BinaryOperator.OR, column("a"),
                binary(BinaryOperator.AND, column("b"), new Unary(UnaryOperator.NOT, column("c"), 0))));
        assertThat(expression("NOT a = b")).isEqualTo(
                new Unary(UnaryOperator.NOT, binary(BinaryOperator.EQUAL, column("a"), column("b")), 0));
        assertThat(expression("a = 1 IS NULL")).isEqualTo(
                new IsNull(binary(BinaryOperator.EQUAL, column("a"), number("1")), false, 0));
        assertThat(expression("a BETWEEN 1 AND 2 AND b")).isEqualTo(binary(BinaryOperator.AND,
                new Between(column("a"), number("1"), number("2"), false, 0), column("b")));
        assertThat(expression("a NOT BETWEEN b + 1 AND c * 2")).isEqualTo(new Between(column("a"),
                binary(BinaryOperator.ADD, column("b"), number("1")),
                binary(BinaryOperator.MULTIPLY, column("c"), number("2")), true, 0));
        assertThat(expression("a IS NOT NULL OR b <> c")).isEqualTo(binary(BinaryOperator.OR,
                new IsNull(column("a"), true, 0), binary(BinaryOperator.NOT_EQUAL, column("b"), column("c"))));
        assertThat(expression("a != b")).isEqualTo(binary(BinaryOperator.NOT_EQUAL, column("a"), column("b")));
        assertThat(expression("a <= b")).isEqualTo(binary(BinaryOperator.LESS_EQUAL, column("a"), column("b")));
        assertThat(expression("a >= b")).isEqualTo(binary(BinaryOperator.GREATER_EQUAL, column("a"), column("b")));
        assertThat(expression("a < b")).isEqualTo(binary(BinaryOperator.LESS, column("a"), column("b")));
    }

    @Test
    void literals() {
        assertThat(expression("42")).isEqualTo(number("42"));
        assertThat(expression("4.50")).isEqualTo(number("4.50"));
        assertThat(expression("1e3")).isEqualTo(number("1e3"));
        assertThat(expression(".5")).isEqualTo(number(".5"));
        assertThat(expression("'it''s'")).isEqualTo(string("it's"));
        assertThat(expression("E'a\\nb\\\\'")).isEqualTo(string("a\nb\\"));
        assertThat(expression("TRUE")).isEqualTo(new BooleanLiteral(true, 0));
        assertThat(expression("false")).isEqualTo(new BooleanLiteral(false, 0));
        assertThat(expression("NULL")).isEqualTo(new NullLiteral(0));
        assertThat(expression("$2")).isEqualTo(new Parameter(2, 0));
        assertThat(expression("-5")).isEqualTo(new Unary(UnaryOperator.NEGATE, number("5"), 0));
    }

    @Test
    void typedLiterals() {
        assertThat(expression("DATE '1998-12-01'")).isEqualTo(
                new TypedLiteral(type("date"), "1998-12-01", Optional.empty(), 0));
        assertThat(expression("INTERVAL '90' DAY")).isEqualTo(
                new TypedLiteral(type("interval"), "90", Optional.of("day"), 0));
        assertThat(expression("interval '3 month'")).isEqualTo(
                new TypedLiteral(type("interval"), "3 month", Optional.empty(), 0));
        assertThat(expression("DATE '1998-12-01' - INTERVAL '90' DAY")).isEqualTo(binary(BinaryOperator.SUBTRACT,
                new TypedLiteral(type("date"), "1998-12-01", Optional.empty(), 0),
                new TypedLiteral(type("interval"), "90", Optional.of("day"), 0)));
    }

    @Test
    void functionsAndSpecialForms() {
        assertThat(expression("count(*)")).isEqualTo(new FunctionCall(name("count"), List.of(), false, true, 0));
        assertThat(expression("count(DISTINCT x)")).isEqualTo(new FunctionCall(name("count"), List.of(column("x")), true, false, 0));
        assertThat(expression("Coalesce(a, 0)")).isEqualTo(function("coalesce", column("a"), number("0")));
        assertThat(expression("now()")).isEqualTo(function("now"));
        assertThat(expression("substring(x FROM 1 FOR 3)")).isEqualTo(function("substring", column("x"), number("1"), number("3")));
        assertThat(expression("CAST(a AS numeric(10, 2))")).isEqualTo(new Cast(column("a"), type("numeric", 10, 2), 0));
        assertThat(expression("a::double precision")).isEqualTo(new Cast(column("a"), type("double precision"), 0));
        assertThat(expression("EXTRACT(YEAR FROM d)")).isEqualTo(new Extract("year", column("d"), 0));
    }

    @Test
    void caseExpressions() {
        assertThat(expression("CASE WHEN a > 0 THEN 'p' WHEN a < 0 THEN 'n' ELSE 'z' END")).isEqualTo(new Case(
                Optional.empty(),
                List.of(new WhenClause(binary(BinaryOperator.GREATER, column("a"), number("0")), string("p")),
                        new WhenClause(binary(BinaryOperator.LESS, column("a"), number("0")), string("n"))),
                Optional.of(string("z")), 0));
        assertThat(expression("CASE a WHEN 1 THEN 'one' END")).isEqualTo(new Case(
                Optional.of(column("a")), List.of(new WhenClause(number("1"), string("one"))), Optional.empty(), 0));
    }

    @Test
    void predicates() {
        assertThat(expression("a IN (1, 2)")).isEqualTo(new InList(column("a"), List.of(number("1"), number("2")), false, 0));
        assertThat(expression("a NOT IN ('x')")).isEqualTo(new InList(column("a"), List.of(string("x")), true, 0));
        assertThat(expression("a LIKE 'x%'")).isEqualTo(new Like(column("a"), string("x%"), false, false, 0));
        assertThat(expression("a NOT ILIKE 'x%'")).isEqualTo(new Like(column("a"), string("x%"), true, true, 0));
        Query sub = Query.of(select(List.of(item(column("b"))), List.of(table("u"))));
        assertThat(expression("a IN (SELECT b FROM u)")).isEqualTo(new InSubquery(column("a"), sub, false, 0));
        assertThat(expression("a NOT IN (SELECT b FROM u)")).isEqualTo(new InSubquery(column("a"), sub, true, 0));
        assertThat(expression("EXISTS (SELECT b FROM u)")).isEqualTo(new Exists(sub, false, 0));
        assertThat(expression("NOT EXISTS (SELECT b FROM u)")).isEqualTo(new Exists(sub, true, 0));
        assertThat(expression("(SELECT b FROM u)")).isEqualTo(new ScalarSubquery(sub, 0));
    }

    // ------------------------------------------------------------ identifiers

    @Test
    void identifiersAreFoldedUnlessQuoted() {
        assertThat(expression("FooBar")).isEqualTo(column("foobar"));
        assertThat(expression("T.\"MixedCase\"")).isEqualTo(column("t", "MixedCase"));
        assertThat(expression("\"a\"\"b\"")).isEqualTo(column("a\"b"));
        assertThat(erase(parser.parse("SELECT 1 FROM \"My Table\""))).isEqualTo(new QueryStatement(Query.of(
                select(List.of(item(number("1"))), List.of(new Table(name("My Table"), Optional.empty()))))));
    }

    @Test
    void keywordsCaseInsensitive() {
        assertThat(erase(parser.parse("sElEcT a FrOm t"))).isEqualTo(erase(parser.parse("SELECT a FROM t")));
    }

    @Test
    void unreservedKeywordsAreColumnNames() {
        Select select = (Select) query("SELECT date, year, text, name, key, month, day, comment FROM t").body();
        assertThat(select.items()).extracting(i -> ((ColumnReference) ((Single) i).expression()).name())
                .containsExactly("date", "year", "text", "name", "key", "month", "day", "comment");
        CreateTable table = (CreateTable) parser.parse("CREATE TABLE t (date date, year int, key text, name varchar(5))");
        assertThat(table.columns()).extracting(ColumnDefinition::name).containsExactly("date", "year", "key", "name");
    }

    // ------------------------------------------------------------ positions

    @Test
    void positionsAreOneBasedCharacterOffsets() {
        String sql = "SELECT a + b FROM t WHERE c IS NULL";
        Select select = (Select) query(sql).body();
        Binary sum = (Binary) ((Single) select.items().getFirst()).expression();
        assertThat(sum.position()).as("binary operator").isEqualTo(sql.indexOf('+') + 1);
        assertThat(((ColumnReference) sum.left()).position()).isEqualTo(8);
        assertThat(((ColumnReference) sum.right()).position()).isEqualTo(12);
        assertThat(((Table) select.from().getFirst()).position()).isEqualTo(sql.indexOf(" t ") + 2);
        assertThat(((IsNull) select.where().orElseThrow()).operand().position()).isEqualTo(sql.indexOf(" c ") + 2);
    }

    @Test
    void positionsOfFunctionsAndLiterals() {
        String sql = "SELECT 'é', count(*), 1.5 FROM t";
        Select select = (Select) query(sql).body();
        assertThat(((Single) select.items().get(1)).expression().position()).isEqualTo(sql.indexOf("count") + 1);
        assertThat(((Single) select.items().get(2)).expression().position()).isEqualTo(sql.indexOf("1.5") + 1);
    }

    @Test
    void createTablePositions() {
        String sql = "CREATE TABLE t (a int, b text)";
        CreateTable table = (CreateTable) parser.parse(sql);
        assertThat(table.name().position()).isEqualTo(14);
        assertThat(table.columns().get(1).position()).isEqualTo(sql.indexOf("b text") + 1);
        assertThat(table.columns().get(1).type().position()).isEqualTo(sql.indexOf("text") + 1);
    }

    // ------------------------------------------------------------ multi-statement text

    @Test
    void parseAllSplitsStatements() {
        String sql = "SELECT 1; SELECT x FROM t;";
        List<Statement> statements = parser.parseAll(sql);
        assertThat(statements).hasSize(2);
        Select second = (Select) ((QueryStatement) statements.get(1)).query().body();
        assertThat(((Single) second.items().getFirst()).expression().position())
                .as("positions count from the start of the text")
                .isEqualTo(sql.indexOf('x') + 1);
    }

    @Test
    void parseAllOfEmptyTextIsEmpty() {
        assertThat(parser.parseAll("")).isEmpty();
        assertThat(parser.parseAll("  ;  ; ")).isEmpty();
        assertThat(parser.parseAll("-- only a comment\n")).isEmpty();
    }

    @Test
    void parseAcceptsATrailingSemicolon() {
        assertThat(parser.parse("SHOW ALL;")).isEqualTo(new ShowVariable("all"));
    }

    // ------------------------------------------------------------ errors

    @Test
    void syntaxErrorNearToken() {
        assertSyntaxError("SELECT a FROM WHERE x", "syntax error at or near \"WHERE\"", 15);
        assertSyntaxError("SELEC 1", "syntax error at or near \"SELEC\"", 1);
        assertSyntaxError("SELECT 1 2", "syntax error at or near \"2\"", 10);
    }

    @Test
    void syntaxErrorAtEndOfInput() {
        assertSyntaxError("SELECT * FROM", "syntax error at end of input", 14);
        assertSyntaxError("SELECT (1 + 2", "syntax error at end of input", 14);
    }

    @Test
    void parseRejectsTwoStatements() {
        assertSyntaxError("SELECT 1; SELECT 2", "syntax error at or near \"SELECT\"", 11);
    }

    @Test
    void syntaxErrorInParseAllPointsIntoTheWholeText() {
        assertThatThrownBy(() -> parser.parseAll("SELECT 1; SELECT FROM FROM"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.SYNTAX_ERROR);
                    assertThat(e.position()).hasValue(23);
                });
    }

    protected final void assertSyntaxError(String sql, String message, int position) {
        assertThatThrownBy(() -> parser.parse(sql))
                .as(sql)
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.SYNTAX_ERROR);
                    assertThat(e.state().code()).isEqualTo("42601");
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.position()).hasValue(position);
                });
    }

    // ------------------------------------------------------------ helpers

    /** The query of a statement that must be a query. */
    protected final Query query(String sql) {
        Statement statement = parser.parse(sql);
        assertThat(statement).isInstanceOf(QueryStatement.class);
        return ((QueryStatement) statement).query();
    }

    /** The expression of {@code SELECT <text>}, positions erased. */
    protected final Expression expression(String text) {
        Select select = (Select) query("SELECT " + text).body();
        assertThat(select.items()).hasSize(1);
        return erase(((Single) select.items().getFirst()).expression());
    }

    protected static QualifiedName name(String name) {
        return new QualifiedName(List.of(name), 0);
    }

    protected static TypeName type(String name, Integer... modifiers) {
        return new TypeName(name, List.of(modifiers), 0);
    }

    protected static ColumnReference column(String... parts) {
        return new ColumnReference(List.of(parts), 0);
    }

    protected static NumberLiteral number(String text) {
        return new NumberLiteral(text, 0);
    }

    protected static StringLiteral string(String value) {
        return new StringLiteral(value, 0);
    }

    protected static Binary binary(BinaryOperator operator, Expression left, Expression right) {
        return new Binary(operator, left, right, 0);
    }

    protected static FunctionCall function(String name, Expression... arguments) {
        return new FunctionCall(name(name), List.of(arguments), false, false, 0);
    }

    protected static Table table(String name) {
        return new Table(name(name), Optional.empty());
    }

    protected static SelectItem item(Expression expression) {
        return new Single(expression, Optional.empty());
    }

    protected static Select select(List<SelectItem> items, List<Relation> from) {
        return new Select(false, items, from, Optional.empty(), List.of(), Optional.empty());
    }
}
