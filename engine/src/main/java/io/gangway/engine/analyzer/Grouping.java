package io.gangway.engine.analyzer;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.query.Expr;
import java.util.List;

/** PostgreSQL's grouping rule: outside aggregates, a grouped query may use only its group keys. */
final class Grouping {
    private Grouping() {
    }

    static boolean containsAggregate(Expr expr) {
        return switch (expr) {
            case Expr.Aggregate a -> true;
            case Expr.Call c -> c.arguments().stream().anyMatch(Grouping::containsAggregate);
            case Expr.Case c -> c.conditions().stream().anyMatch(Grouping::containsAggregate)
                    || c.results().stream().anyMatch(Grouping::containsAggregate)
                    || c.otherwise().map(Grouping::containsAggregate).orElse(false);
            case Expr.ColumnRef c -> false;
            case Expr.InputRef i -> false;
            case Expr.Constant c -> false;
        };
    }

    static void check(Expr expr, List<Expr> groupBy, Scope scope) {
        if (groupBy.contains(expr)) {
            return;
        }
        switch (expr) {
            case Expr.ColumnRef c -> throw new SqlException(SqlState.GROUPING_ERROR,
                    "column \"" + scope.entry(c.rangeIndex()).alias() + "." + c.name()
                            + "\" must appear in the GROUP BY clause or be used in an aggregate function");
            case Expr.Aggregate a -> {
                for (Expr arg : a.arguments()) {
                    if (containsAggregate(arg)) {
                        throw new SqlException(SqlState.GROUPING_ERROR, "aggregate function calls cannot be nested");
                    }
                }
            }
            case Expr.Call c -> c.arguments().forEach(a -> check(a, groupBy, scope));
            case Expr.Case c -> {
                c.conditions().forEach(a -> check(a, groupBy, scope));
                c.results().forEach(a -> check(a, groupBy, scope));
                c.otherwise().ifPresent(a -> check(a, groupBy, scope));
            }
            case Expr.InputRef i -> {
            }
            case Expr.Constant c -> {
            }
        }
    }
}
