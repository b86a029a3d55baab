package io.gangway.planner;

import io.gangway.spi.plan.AggregateCall;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.ScalarFunction;
import java.util.List;
import java.util.stream.Collectors;

/** Prints expressions as PostgreSQL's EXPLAIN does: {@code (a > 1)}, {@code sum(b)}, {@code 'x'::text}. */
final class ExprRenderer {
    private final List<String> names;

    /** @param names the names of the input columns input references print as */
    ExprRenderer(List<String> names) {
        this.names = names;
    }

    String render(Expr e) {
        return switch (e) {
            case Expr.InputRef ref -> ref.index() < names.size() ? names.get(ref.index()) : "$" + ref.index();
            case Expr.ColumnRef ref -> ref.name();
            case Expr.Constant c -> constant(c);
            case Expr.Call call -> call(call);
            case Expr.Case c -> caseExpr(c);
            case Expr.Aggregate agg -> aggregate(agg.function().sqlName(), agg.arguments(), agg.distinct());
        };
    }

    String render(AggregateCall call) {
        return aggregate(call.function().sqlName(), call.arguments(), call.distinct());
    }

    private String aggregate(String name, List<Expr> arguments, boolean distinct) {
        if (arguments.isEmpty()) {
            return name + "(*)";
        }
        return name + "(" + (distinct ? "DISTINCT " : "") + renderAll(arguments, ", ") + ")";
    }

    private static String constant(Expr.Constant c) {
        if (c.value() == null) {
            return "NULL";
        }
        String text = c.type().format(c.value());
        return switch (c.type().kind()) {
            case TEXT, UNKNOWN, DATE -> "'" + text.replace("'", "''") + "'::" + c.type().displayName();
            case BOOLEAN -> (Boolean) c.value() ? "true" : "false";
            case INTEGER, BIGINT, NUMERIC, DOUBLE -> text;
        };
    }

    private String call(Expr.Call call) {
        ScalarFunction f = call.function();
        List<Expr> args = call.arguments();
        return switch (f) {
            case AND -> "(" + Exprs.conjuncts(call).stream().map(this::render).collect(Collectors.joining(" AND ")) + ")";
            case OR -> "(" + renderAll(args, " OR ") + ")";
            case NOT -> "(NOT " + render(args.getFirst()) + ")";
            case NEGATE -> "(- " + render(args.getFirst()) + ")";
            case IS_NULL, IS_NOT_NULL -> "(" + render(args.getFirst()) + " " + f.symbol() + ")";
            case CAST -> "(" + render(args.getFirst()) + ")::" + call.type().displayName();
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO, EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL,
                    LIKE, NOT_LIKE, ILIKE, NOT_ILIKE, CONCAT -> args.size() == 2
                    ? "(" + render(args.get(0)) + " " + f.symbol() + " " + render(args.get(1)) + ")"
                    : f.symbol() + "(" + renderAll(args, ", ") + ")";
            case COALESCE, NULLIF, ABS, ROUND, UPPER, LOWER, LENGTH, SUBSTRING, TRIM, EXTRACT ->
                    f.symbol() + "(" + renderAll(args, ", ") + ")";
        };
    }

    private String caseExpr(Expr.Case c) {
        StringBuilder out = new StringBuilder("CASE");
        for (int i = 0; i < c.conditions().size(); i++) {
            out.append(" WHEN ").append(render(c.conditions().get(i))).append(" THEN ").append(render(c.results().get(i)));
        }
        c.otherwise().ifPresent(o -> out.append(" ELSE ").append(render(o)));
        return out.append(" END").toString();
    }

    private String renderAll(List<Expr> es, String separator) {
        return es.stream().map(this::render).collect(Collectors.joining(separator));
    }
}
