package io.gangway.tck.planner;

import io.gangway.api.Column;
import io.gangway.api.SqlType;
import io.gangway.api.TypeKind;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.catalog.ViewDescriptor;
import io.gangway.spi.query.AggregateFunction;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.FromNode;
import io.gangway.spi.query.Query;
import io.gangway.spi.query.RangeTableEntry;
import io.gangway.spi.query.ScalarFunction;
import io.gangway.spi.query.SortClause;
import io.gangway.spi.query.TargetEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Builds query trees by hand, as the analyzer would: {@code new QueryBuilder().table(T1, "t1")
 * .where(gt(q.col(0, "a"), lit(1))).select("a", q.col(0, "a")).build()}. Without an explicit
 * {@link #from(FromNode)}, the range table is cross-joined left to right (as a comma list is).
 */
public final class QueryBuilder {
    private final List<RangeTableEntry> rangeTable = new ArrayList<>();
    private final List<TargetEntry> targets = new ArrayList<>();
    private final List<Expr> groupBy = new ArrayList<>();
    private final List<SortClause> orderBy = new ArrayList<>();
    private Optional<FromNode> from = Optional.empty();
    private Optional<Expr> where = Optional.empty();
    private Optional<Expr> having = Optional.empty();
    private boolean distinct;
    private OptionalLong limit = OptionalLong.empty();
    private OptionalLong offset = OptionalLong.empty();
    private Optional<TableDescriptor> insertTarget = Optional.empty();

    /** An INSERT into {@code target}; its target list must be one expression per column. */
    public static QueryBuilder insertInto(TableDescriptor target) {
        QueryBuilder b = new QueryBuilder();
        b.insertTarget = Optional.of(target);
        return b;
    }

    public QueryBuilder table(TableDescriptor table, String alias) {
        rangeTable.add(new RangeTableEntry.Table(table, alias));
        return this;
    }

    public QueryBuilder values(List<Column> columns, List<List<Expr>> rows) {
        rangeTable.add(new RangeTableEntry.Values(rows, "*VALUES*", columns));
        return this;
    }

    /** A view entry, as the analyzer leaves it for the rewriter to expand. */
    public QueryBuilder view(ViewDescriptor view, String alias) {
        rangeTable.add(new RangeTableEntry.View(view, alias));
        return this;
    }

    public QueryBuilder subquery(Query query, String alias) {
        rangeTable.add(new RangeTableEntry.Subquery(query, alias, query.resultColumns()));
        return this;
    }

    /** Column {@code name} of range-table entry {@code rangeIndex}. */
    public Expr.ColumnRef col(int rangeIndex, String name) {
        List<Column> columns = rangeTable.get(rangeIndex).columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return new Expr.ColumnRef(rangeIndex, i, name, columns.get(i).type());
            }
        }
        throw new IllegalArgumentException("no column " + name + " in range entry " + rangeIndex);
    }

    public QueryBuilder from(FromNode node) {
        from = Optional.of(node);
        return this;
    }

    public QueryBuilder where(Expr predicate) {
        where = Optional.of(predicate);
        return this;
    }

    public QueryBuilder select(String name, Expr e) {
        targets.add(new TargetEntry(e, name, false));
        return this;
    }

    /** A target entry computed only for ORDER BY. */
    public QueryBuilder junk(String name, Expr e) {
        targets.add(new TargetEntry(e, name, true));
        return this;
    }

    public QueryBuilder groupBy(Expr e) {
        groupBy.add(e);
        return this;
    }

    public QueryBuilder having(Expr predicate) {
        having = Optional.of(predicate);
        return this;
    }

    public QueryBuilder distinct() {
        distinct = true;
        return this;
    }

    public QueryBuilder orderBy(int targetIndex, boolean ascending) {
        orderBy.add(new SortClause(targetIndex, ascending, !ascending));
        return this;
    }

    public QueryBuilder limit(long count) {
        limit = OptionalLong.of(count);
        return this;
    }

    public QueryBuilder offset(long count) {
        offset = OptionalLong.of(count);
        return this;
    }

    public Query build() {
        Optional<FromNode> fromNode = from;
        if (fromNode.isEmpty() && !rangeTable.isEmpty()) {
            FromNode node = new FromNode.RangeRef(0);
            for (int i = 1; i < rangeTable.size(); i++) {
                node = new FromNode.Join(FromNode.JoinType.CROSS, node, new FromNode.RangeRef(i), Optional.empty());
            }
            fromNode = Optional.of(node);
        }
        boolean hasAggregates = targets.stream().anyMatch(t -> containsAggregate(t.expression()))
                || having.map(QueryBuilder::containsAggregate).orElse(false);
        return new Query(insertTarget.isPresent() ? Query.CommandType.INSERT : Query.CommandType.SELECT, rangeTable,
                fromNode, where, targets, groupBy, having, hasAggregates, distinct, orderBy, limit, offset,
                insertTarget);
    }

    private static boolean containsAggregate(Expr e) {
        return switch (e) {
            case Expr.Aggregate a -> true;
            case Expr.Call c -> c.arguments().stream().anyMatch(QueryBuilder::containsAggregate);
            case Expr.Case c -> c.conditions().stream().anyMatch(QueryBuilder::containsAggregate)
                    || c.results().stream().anyMatch(QueryBuilder::containsAggregate)
                    || c.otherwise().map(QueryBuilder::containsAggregate).orElse(false);
            case Expr.ColumnRef r -> false;
            case Expr.InputRef r -> false;
            case Expr.Constant c -> false;
        };
    }

    // ---- expressions ----

    public static FromNode ref(int rangeIndex) {
        return new FromNode.RangeRef(rangeIndex);
    }

    public static FromNode join(FromNode.JoinType type, FromNode left, FromNode right, Expr condition) {
        return new FromNode.Join(type, left, right, Optional.of(condition));
    }

    public static Expr lit(int value) {
        return new Expr.Constant(value, SqlType.INTEGER);
    }

    public static Expr lit(String value) {
        return new Expr.Constant(value, SqlType.TEXT);
    }

    public static Expr eq(Expr a, Expr b) {
        return call(ScalarFunction.EQUAL, SqlType.BOOLEAN, a, b);
    }

    public static Expr gt(Expr a, Expr b) {
        return call(ScalarFunction.GREATER, SqlType.BOOLEAN, a, b);
    }

    public static Expr lt(Expr a, Expr b) {
        return call(ScalarFunction.LESS, SqlType.BOOLEAN, a, b);
    }

    public static Expr and(Expr a, Expr b) {
        return call(ScalarFunction.AND, SqlType.BOOLEAN, a, b);
    }

    public static Expr plus(Expr a, Expr b) {
        return call(ScalarFunction.ADD, a.type(), a, b);
    }

    public static Expr call(ScalarFunction f, SqlType type, Expr... args) {
        return new Expr.Call(f, List.of(args), type);
    }

    public static Expr countStar() {
        return new Expr.Aggregate(AggregateFunction.COUNT_STAR, List.of(), false, SqlType.BIGINT);
    }

    public static Expr count(Expr e) {
        return new Expr.Aggregate(AggregateFunction.COUNT, List.of(e), false, SqlType.BIGINT);
    }

    public static Expr countDistinct(Expr e) {
        return new Expr.Aggregate(AggregateFunction.COUNT, List.of(e), true, SqlType.BIGINT);
    }

    /** {@code sum}: bigint over integers, as PostgreSQL types it. */
    public static Expr sum(Expr e) {
        SqlType type = e.type().kind() == TypeKind.INTEGER ? SqlType.BIGINT
                : e.type().kind() == TypeKind.BIGINT ? SqlType.NUMERIC : e.type();
        return new Expr.Aggregate(AggregateFunction.SUM, List.of(e), false, type);
    }

    /** {@code avg}: numeric over integers and numerics, double over doubles. */
    public static Expr avg(Expr e) {
        SqlType type = e.type().kind() == TypeKind.DOUBLE ? SqlType.DOUBLE : SqlType.NUMERIC;
        return new Expr.Aggregate(AggregateFunction.AVG, List.of(e), false, type);
    }

    public static Expr max(Expr e) {
        return new Expr.Aggregate(AggregateFunction.MAX, List.of(e), false, e.type());
    }
}
