package io.gangway.engine.analyzer;

import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.api.TypeKind;
import io.gangway.spi.analyzer.AnalyzerContext;
import io.gangway.spi.ast.Expression;
import io.gangway.spi.ast.QualifiedName;
import io.gangway.spi.ast.QueryBody;
import io.gangway.spi.ast.Relation;
import io.gangway.spi.ast.SelectItem;
import io.gangway.spi.ast.SortItem;
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

/** Analyzes one query level ({@code SELECT} or {@code VALUES} with ORDER BY and LIMIT) into a query tree. */
final class QueryAnalyzer {
    private final AnalyzerContext context;
    private final RelationResolver relations;
    private final Scope scope = new Scope();
    private final ExpressionAnalyzer expressions;

    QueryAnalyzer(AnalyzerContext context) {
        this.context = context;
        this.relations = new RelationResolver(context);
        this.expressions = new ExpressionAnalyzer(scope, context);
    }

    Query analyze(io.gangway.spi.ast.Query query) {
        return switch (query.body()) {
            case QueryBody.Values values -> finish(valuesBody(values), query, false, List.of());
            case QueryBody.Select select -> select(select, query);
        };
    }

    /** {@code VALUES …} as a query: {@code SELECT * FROM (VALUES …) AS "*VALUES*"}. */
    private Query valuesBody(QueryBody.Values values) {
        RangeTableEntry.Values rte = ValuesAnalyzer.analyze(values, expressions, null);
        int index = scope.add(rte, values.position());
        List<TargetEntry> targets = new ArrayList<>();
        for (int c = 0; c < rte.columns().size(); c++) {
            Column column = rte.columns().get(c);
            targets.add(new TargetEntry(new Expr.ColumnRef(index, c, column.name(), column.type()), column.name(), false));
        }
        return new Query(Query.CommandType.SELECT, scope.entries(), Optional.of(new FromNode.RangeRef(index)),
                Optional.empty(), targets, List.of(), Optional.empty(), false, false, List.of(), OptionalLong.empty(),
                OptionalLong.empty(), Optional.empty());
    }

    private Query select(QueryBody.Select select, io.gangway.spi.ast.Query query) {
        FromNode from = null;
        for (Relation relation : select.from()) {
            FromNode node = relation(relation);
            from = from == null ? node : new FromNode.Join(FromNode.JoinType.CROSS, from, node, Optional.empty());
        }
        if (from == null) {
            // SELECT without FROM reads one row of no columns.
            from = new FromNode.RangeRef(scope.add(
                    new RangeTableEntry.Values(List.of(List.of()), "*RESULT*", List.of()), 0));
        }
        Optional<Expr> where = select.where().map(w -> expressions.condition(w, "WHERE", false));
        List<TargetEntry> targets = new ArrayList<>();
        for (SelectItem item : select.items()) {
            targets.addAll(selectItem(item));
        }
        List<Expr> groupBy = new ArrayList<>();
        for (Expression expression : select.groupBy()) {
            Expr key = groupKey(expression, targets);
            if (!groupBy.contains(key)) {
                groupBy.add(key);
            }
        }
        Optional<Expr> having = select.having().map(h -> expressions.condition(h, "HAVING", true));
        Query base = new Query(Query.CommandType.SELECT, scope.entries(), Optional.of(from), where, targets, groupBy,
                having, false, select.distinct(), List.of(), OptionalLong.empty(), OptionalLong.empty(),
                Optional.empty());
        return finish(base, query, select.distinct(), groupBy);
    }

    /** Adds ORDER BY, LIMIT and OFFSET, then checks grouping over the finished target list. */
    private Query finish(Query base, io.gangway.spi.ast.Query query, boolean distinct, List<Expr> groupBy) {
        List<TargetEntry> targets = new ArrayList<>(base.targetList());
        List<SortClause> orderBy = new ArrayList<>();
        for (SortItem item : query.orderBy()) {
            int index = sortTarget(item.expression(), targets, distinct);
            boolean nullsFirst = item.nullsFirst().orElse(!item.ascending());
            orderBy.add(new SortClause(index, item.ascending(), nullsFirst));
        }
        boolean hasAggregates = targets.stream().anyMatch(t -> Grouping.containsAggregate(t.expression()))
                || base.having().map(Grouping::containsAggregate).orElse(false);
        if (hasAggregates || !groupBy.isEmpty()) {
            for (TargetEntry target : targets) {
                Grouping.check(target.expression(), groupBy, scope);
            }
            base.having().ifPresent(h -> Grouping.check(h, groupBy, scope));
        } else if (base.having().isPresent()) {
            // HAVING without GROUP BY or aggregates groups the whole input into one group.
            hasAggregates = true;
        }
        OptionalLong limit = query.limit().map(e -> constantCount(e, "LIMIT")).orElse(OptionalLong.empty());
        OptionalLong offset = query.offset().map(e -> constantCount(e, "OFFSET")).orElse(OptionalLong.empty());
        return new Query(base.command(), scope.entries(), base.from(), base.where(), targets, groupBy, base.having(),
                hasAggregates, distinct, orderBy, limit, offset, Optional.empty());
    }

    private FromNode relation(Relation relation) {
        return switch (relation) {
            case Relation.Table table -> new FromNode.RangeRef(scope.add(relations.resolve(table), table.position()));
            case Relation.Subquery sub -> {
                Query query = new QueryAnalyzer(context).analyze(sub.query());
                yield new FromNode.RangeRef(scope.add(
                        new RangeTableEntry.Subquery(query, sub.alias(), query.resultColumns()), sub.position()));
            }
            case Relation.Join join -> {
                int before = scope.size();
                FromNode left = relation(join.left());
                int middle = scope.size();
                FromNode right = relation(join.right());
                Optional<Expr> condition;
                if (join.on().isPresent()) {
                    condition = Optional.of(expressions.condition(join.on().get(), "JOIN/ON", false));
                } else if (!join.using().isEmpty()) {
                    condition = Optional.of(usingCondition(join.using(), before, middle, scope.size()));
                } else {
                    condition = Optional.empty();
                }
                if (condition.isEmpty() && join.type() != Relation.JoinType.CROSS) {
                    throw new SqlException(SqlState.SYNTAX_ERROR, "a " + join.type() + " JOIN needs an ON or USING clause");
                }
                yield new FromNode.Join(FromNode.JoinType.valueOf(join.type().name()), left, right, condition);
            }
        };
    }

    private Expr usingCondition(List<String> columns, int leftStart, int rightStart, int end) {
        List<Expr> equalities = new ArrayList<>();
        for (String column : columns) {
            Expr left = findIn(column, leftStart, rightStart);
            Expr right = findIn(column, rightStart, end);
            equalities.add(ExpressionAnalyzer.comparison(ScalarFunction.EQUAL, left, right, "=", 0));
        }
        return equalities.size() == 1 ? equalities.getFirst()
                : new Expr.Call(ScalarFunction.AND, equalities, SqlType.BOOLEAN);
    }

    private Expr findIn(String column, int from, int to) {
        for (int i = from; i < to; i++) {
            List<Column> columns = scope.entry(i).columns();
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).name().equals(column)) {
                    return new Expr.ColumnRef(i, c, column, columns.get(c).type());
                }
            }
        }
        throw new SqlException(SqlState.UNDEFINED_COLUMN,
                "column \"" + column + "\" specified in USING clause does not exist in both tables");
    }

    private List<TargetEntry> selectItem(SelectItem item) {
        return switch (item) {
            case SelectItem.AllColumns all -> {
                List<TargetEntry> out = new ArrayList<>();
                List<Integer> indexes = all.qualifier().isPresent()
                        ? List.of(scope.indexOf(all.qualifier().get(), all.position()))
                        : java.util.stream.IntStream.range(0, scope.size()).boxed().toList();
                for (int index : indexes) {
                    List<Column> columns = scope.entry(index).columns();
                    for (int c = 0; c < columns.size(); c++) {
                        Column column = columns.get(c);
                        out.add(new TargetEntry(new Expr.ColumnRef(index, c, column.name(), column.type()),
                                column.name(), false));
                    }
                }
                if (out.isEmpty() && all.qualifier().isEmpty()) {
                    throw SqlException.at(SqlState.SYNTAX_ERROR, all.position(), "SELECT * with no tables specified is not valid");
                }
                yield out;
            }
            case SelectItem.Single single -> {
                Expr expr = expressions.analyze(single.expression());
                if (expr.type().kind() == TypeKind.UNKNOWN) {
                    expr = Coercion.cast(expr, SqlType.TEXT);
                }
                yield List.of(new TargetEntry(expr, single.alias().orElseGet(() -> outputName(single.expression())), false));
            }
        };
    }

    /** PostgreSQL's name for an unaliased output column. */
    static String outputName(Expression expression) {
        return switch (expression) {
            case Expression.ColumnReference c -> c.name();
            case Expression.FunctionCall f -> f.name().simpleName();
            case Expression.Cast c -> c.operand() instanceof Expression.ColumnReference ? outputName(c.operand())
                    : c.type().name().equals("int4") ? "int4" : TypeResolver.resolve(c.type()).kind().sqlName()
                            .replace("double precision", "float8");
            case Expression.Case c -> "case";
            case Expression.Extract e -> "extract";
            case Expression.Exists e -> "exists";
            case Expression.TypedLiteral t -> t.type().name();
            case Expression.BooleanLiteral b -> "bool";
            default -> "?column?";
        };
    }

    private Expr groupKey(Expression expression, List<TargetEntry> targets) {
        if (expression instanceof Expression.NumberLiteral n && n.text().chars().allMatch(Character::isDigit)) {
            int ordinal = Integer.parseInt(n.text());
            if (ordinal < 1 || ordinal > targets.size()) {
                throw SqlException.at(SqlState.INVALID_COLUMN_REFERENCE, n.position(),
                        "GROUP BY position " + ordinal + " is not in select list");
            }
            return targets.get(ordinal - 1).expression();
        }
        if (expression instanceof Expression.ColumnReference c && c.parts().size() == 1) {
            try {
                return scope.resolve(c);
            } catch (SqlException e) {
                if (e.state() != SqlState.UNDEFINED_COLUMN) {
                    throw e;
                }
                return targets.stream().filter(t -> t.name().equals(c.name())).map(TargetEntry::expression)
                        .findFirst().orElseThrow(() -> e);
            }
        }
        return expressions.analyze(expression, "GROUP BY");
    }

    private int sortTarget(Expression expression, List<TargetEntry> targets, boolean distinct) {
        if (expression instanceof Expression.NumberLiteral n && n.text().chars().allMatch(Character::isDigit)) {
            int ordinal = Integer.parseInt(n.text());
            if (ordinal < 1 || ordinal > targets.size() || targets.get(ordinal - 1).junk()) {
                throw SqlException.at(SqlState.INVALID_COLUMN_REFERENCE, n.position(),
                        "ORDER BY position " + ordinal + " is not in select list");
            }
            return ordinal - 1;
        }
        if (expression instanceof Expression.ColumnReference c && c.parts().size() == 1) {
            for (int i = 0; i < targets.size(); i++) {
                if (!targets.get(i).junk() && targets.get(i).name().equals(c.name())) {
                    return i;
                }
            }
        }
        Expr expr = expressions.analyze(expression);
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).expression().equals(expr)) {
                return i;
            }
        }
        if (distinct) {
            throw SqlException.at(SqlState.INVALID_COLUMN_REFERENCE, expression.position(),
                    "for SELECT DISTINCT, ORDER BY expressions must appear in select list");
        }
        targets.add(new TargetEntry(expr, "?column?", true));
        return targets.size() - 1;
    }

    private OptionalLong constantCount(Expression expression, String clause) {
        Expr expr = expressions.analyze(expression, clause);
        if (expr.type().kind() == TypeKind.UNKNOWN) {
            expr = Coercion.cast(expr, SqlType.BIGINT);
        }
        if (!(expr instanceof Expr.Constant(Object value, SqlType type))
                || !(type.kind() == TypeKind.INTEGER || type.kind() == TypeKind.BIGINT)) {
            throw SqlException.at(SqlState.DATATYPE_MISMATCH, expression.position(),
                    "argument of " + clause + " must be an integer constant");
        }
        if (value == null) {
            return OptionalLong.empty();
        }
        long count = ((Number) value).longValue();
        if (count < 0) {
            throw SqlException.at(SqlState.INVALID_ROW_COUNT_IN_LIMIT_CLAUSE, expression.position(), clause + " must not be negative");
        }
        return OptionalLong.of(count);
    }

    static QualifiedName checkName(QualifiedName name) {
        if (name.parts().size() > 2) {
            throw SqlException.at(SqlState.FEATURE_NOT_SUPPORTED, name.position(),
                    "cross-database references are not implemented: " + name);
        }
        return name;
    }
}
