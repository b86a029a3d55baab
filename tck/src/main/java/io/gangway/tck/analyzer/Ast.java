package io.gangway.tck.analyzer;

import io.gangway.spi.ast.Expression;
import io.gangway.spi.ast.Query;
import io.gangway.spi.ast.QueryBody;
import io.gangway.spi.ast.QueryStatement;
import io.gangway.spi.ast.QualifiedName;
import io.gangway.spi.ast.Relation;
import io.gangway.spi.ast.SelectItem;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Parse trees built by hand, for contracts of the stages after the parser: an analyzer author
 * needs no parser to run them. Positions are 0 ("made, not parsed") unless a test checks one.
 */
public final class Ast {
    private Ast() {
    }

    public static QueryStatement select(List<SelectItem> items, List<Relation> from, Optional<Expression> where,
            List<Expression> groupBy) {
        return new QueryStatement(Query.of(new QueryBody.Select(false, items, from, where, groupBy, Optional.empty())));
    }

    /** {@code SELECT items FROM table}. */
    public static QueryStatement select(String table, SelectItem... items) {
        return select(List.of(items), List.of(table(table)), Optional.empty(), List.of());
    }

    public static Relation table(String name) {
        return new Relation.Table(QualifiedName.of(name), Optional.empty());
    }

    public static SelectItem item(Expression expression) {
        return new SelectItem.Single(expression, Optional.empty());
    }

    public static SelectItem item(Expression expression, String alias) {
        return new SelectItem.Single(expression, Optional.of(alias));
    }

    public static SelectItem star() {
        return new SelectItem.AllColumns(Optional.empty(), 0);
    }

    public static Expression column(String... parts) {
        return new Expression.ColumnReference(Arrays.asList(parts), 0);
    }

    /** A column reference at {@code position} (1-based character offset in the statement text), for error positions. */
    public static Expression columnAt(int position, String name) {
        return new Expression.ColumnReference(List.of(name), position);
    }

    public static Expression number(String text) {
        return new Expression.NumberLiteral(text, 0);
    }

    public static Expression string(String value) {
        return new Expression.StringLiteral(value, 0);
    }

    public static Expression parameter(int index) {
        return new Expression.Parameter(index, 0);
    }

    public static Expression binary(Expression.BinaryOperator operator, Expression left, Expression right) {
        return new Expression.Binary(operator, left, right, 0);
    }

    public static Expression call(String function, Expression... arguments) {
        return new Expression.FunctionCall(QualifiedName.of(function), List.of(arguments), false, false, 0);
    }

    public static Expression countStar() {
        return new Expression.FunctionCall(QualifiedName.of("count"), List.of(), false, true, 0);
    }
}
