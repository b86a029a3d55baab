package io.gangway.planner;

import io.gangway.api.SqlType;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.ScalarFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/** Small operations on expression trees that the planner needs in several places. */
final class Exprs {
    private Exprs() {
    }

    /** The conjuncts of a predicate: {@code a AND (b AND c)} gives {@code [a, b, c]}. */
    static List<Expr> conjuncts(Expr predicate) {
        List<Expr> out = new ArrayList<>();
        addConjuncts(predicate, out);
        return out;
    }

    private static void addConjuncts(Expr e, List<Expr> out) {
        if (e instanceof Expr.Call call && call.function() == ScalarFunction.AND) {
            call.arguments().forEach(a -> addConjuncts(a, out));
        } else {
            out.add(e);
        }
    }

    /** The conjunction of predicates, left-deep and binary; empty for none. */
    static Optional<Expr> and(List<Expr> predicates) {
        Expr result = null;
        for (Expr p : predicates) {
            result = result == null ? p : new Expr.Call(ScalarFunction.AND, List.of(result, p), SqlType.BOOLEAN);
        }
        return Optional.ofNullable(result);
    }

    /** The range-table entries an expression reads. */
    static Set<Integer> rangeRefs(Expr e) {
        Set<Integer> out = new TreeSet<>();
        visit(e, x -> {
            if (x instanceof Expr.ColumnRef ref) {
                out.add(ref.rangeIndex());
            }
        });
        return out;
    }

    /** Calls {@code visitor} on every node of the tree, parents first. */
    static void visit(Expr e, Consumer<Expr> visitor) {
        visitor.accept(e);
        switch (e) {
            case Expr.ColumnRef ignored -> { }
            case Expr.InputRef ignored -> { }
            case Expr.Constant ignored -> { }
            case Expr.Call call -> call.arguments().forEach(a -> visit(a, visitor));
            case Expr.Case c -> {
                c.conditions().forEach(a -> visit(a, visitor));
                c.results().forEach(a -> visit(a, visitor));
                c.otherwise().ifPresent(a -> visit(a, visitor));
            }
            case Expr.Aggregate agg -> agg.arguments().forEach(a -> visit(a, visitor));
        }
    }

    /**
     * Rebuilds a tree top-down: where {@code replacer} gives a replacement for a node, that
     * replacement is used as is; otherwise the node's children are rewritten.
     */
    static Expr rewrite(Expr e, Function<Expr, Optional<Expr>> replacer) {
        Optional<Expr> replaced = replacer.apply(e);
        if (replaced.isPresent()) {
            return replaced.get();
        }
        return switch (e) {
            case Expr.ColumnRef ref -> ref;
            case Expr.InputRef ref -> ref;
            case Expr.Constant c -> c;
            case Expr.Call call -> new Expr.Call(call.function(), rewriteAll(call.arguments(), replacer), call.type());
            case Expr.Case c -> new Expr.Case(rewriteAll(c.conditions(), replacer), rewriteAll(c.results(), replacer),
                    c.otherwise().map(o -> rewrite(o, replacer)), c.type());
            case Expr.Aggregate agg -> new Expr.Aggregate(agg.function(), rewriteAll(agg.arguments(), replacer),
                    agg.distinct(), agg.type());
        };
    }

    static List<Expr> rewriteAll(List<Expr> es, Function<Expr, Optional<Expr>> replacer) {
        return es.stream().map(e -> rewrite(e, replacer)).toList();
    }

    /** The same expression with every input reference moved by {@code offset}. */
    static Expr shift(Expr e, int offset) {
        if (offset == 0) {
            return e;
        }
        return rewrite(e, x -> x instanceof Expr.InputRef ref
                ? Optional.of(new Expr.InputRef(ref.index() + offset, ref.type()))
                : Optional.empty());
    }

    /** The input column an expression is, if it is a bare input reference. */
    static Optional<Integer> inputIndex(Expr e) {
        return e instanceof Expr.InputRef ref ? Optional.of(ref.index()) : Optional.empty();
    }
}
