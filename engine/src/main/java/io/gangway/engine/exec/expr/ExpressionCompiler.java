package io.gangway.engine.exec.expr;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.api.TypeKind;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.ScalarFunction;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.BinaryOperator;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * Compiles plan expressions into batch evaluators. Decisions that depend only on types (which
 * arithmetic, which cast, a constant LIKE pattern) are made here once, not per row.
 */
public final class ExpressionCompiler {
    private ExpressionCompiler() {
    }

    public static List<CompiledExpr> compileAll(List<Expr> expressions) {
        return expressions.stream().map(ExpressionCompiler::compile).toList();
    }

    public static CompiledExpr compile(Expr expr) {
        return switch (expr) {
            case Expr.InputRef ref -> new ExprNodes.Input(ref.index(), ref.type());
            case Expr.Constant constant -> new ExprNodes.Constant(constant.value(), constant.type());
            case Expr.Call call -> compileCall(call);
            case Expr.Case c -> new ExprNodes.Case(compileAll(c.conditions()), compileAll(c.results()),
                    c.otherwise().map(ExpressionCompiler::compile), c.type());
            case Expr.ColumnRef ref -> throw new SqlException(SqlState.INTERNAL_ERROR,
                    "column reference \"" + ref.name() + "\" reached the executor");
            case Expr.Aggregate aggregate -> throw new SqlException(SqlState.INTERNAL_ERROR,
                    "aggregate " + aggregate.function().sqlName() + " reached the executor outside an aggregate node");
        };
    }

    private static CompiledExpr compileCall(Expr.Call call) {
        List<Expr> args = call.arguments();
        SqlType type = call.type();
        ScalarFunction function = call.function();
        return switch (function) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO -> arithmetic(call);
            case NEGATE -> unary(args, 1, numericResult(Arithmetic.negate(kindOf(args.get(0))), type), type, function);
            case EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> comparison(call);
            case AND, OR -> logical(call);
            case NOT -> unary(args, 1, v -> !(Boolean) v, SqlType.BOOLEAN, function);
            case IS_NULL, IS_NOT_NULL -> {
                arity(args, 1, function);
                yield new ExprNodes.NullTest(compile(args.get(0)), function == ScalarFunction.IS_NOT_NULL);
            }
            case LIKE, NOT_LIKE, ILIKE, NOT_ILIKE -> like(call);
            case CONCAT -> new ExprNodes.Strict(compileAll(args), values -> concat(args, values, type), type);
            case CAST -> {
                arity(args, 1, function);
                SqlType from = args.get(0).type();
                yield from.equals(type) ? retype(compile(args.get(0)), type)
                        : new ExprNodes.Unary(compile(args.get(0)), Casts.caster(from, type), type);
            }
            case COALESCE -> new ExprNodes.Coalesce(compileAll(args), type);
            case NULLIF -> {
                arity(args, 2, function);
                yield new ExprNodes.NullIf(compile(args.get(0)), compile(args.get(1)), type);
            }
            case ABS -> unary(args, 1, numericResult(Arithmetic.abs(kindOf(args.get(0))), type), type, function);
            case ROUND -> round(call);
            case UPPER -> unary(args, 1, v -> ((String) v).toUpperCase(Locale.ROOT), type, function);
            case LOWER -> unary(args, 1, v -> ((String) v).toLowerCase(Locale.ROOT), type, function);
            case LENGTH -> unary(args, 1,
                    numericResult(v -> TextFunctions.length((String) v), SqlType.INTEGER, type), type, function);
            case SUBSTRING -> substring(call);
            case TRIM -> trim(call);
            case EXTRACT -> extract(call);
        };
    }

    private static CompiledExpr arithmetic(Expr.Call call) {
        List<Expr> args = call.arguments();
        arity(args, 2, call.function());
        TypeKind left = kindOf(args.get(0));
        TypeKind right = kindOf(args.get(1));
        if (left == TypeKind.DATE || right == TypeKind.DATE) {
            return new ExprNodes.Binary(compile(args.get(0)), compile(args.get(1)),
                    Arithmetic.dateOp(call.function(), left, right), call.type());
        }
        TypeKind common = commonNumeric(left, right, call.function());
        SqlType commonType = new SqlType(common, -1, -1);
        BinaryOperator<Object> op = Arithmetic.binary(call.function(), common);
        BinaryOperator<Object> withResult = op;
        if (call.type().kind() != common) {
            withResult = (a, b) -> Casts.toNumberKind((Number) op.apply(a, b), call.type());
        }
        return new ExprNodes.Binary(promote(args.get(0), commonType), promote(args.get(1), commonType),
                withResult, call.type());
    }

    private static CompiledExpr comparison(Expr.Call call) {
        List<Expr> args = call.arguments();
        arity(args, 2, call.function());
        BinaryOperator<Object> op = switch (call.function()) {
            case EQUAL -> (a, b) -> Values.compare(a, b) == 0;
            case NOT_EQUAL -> (a, b) -> Values.compare(a, b) != 0;
            case LESS -> (a, b) -> Values.compare(a, b) < 0;
            case LESS_EQUAL -> (a, b) -> Values.compare(a, b) <= 0;
            case GREATER -> (a, b) -> Values.compare(a, b) > 0;
            case GREATER_EQUAL -> (a, b) -> Values.compare(a, b) >= 0;
            default -> throw new IllegalStateException(call.function().name());
        };
        return new ExprNodes.Binary(compile(args.get(0)), compile(args.get(1)), op, SqlType.BOOLEAN);
    }

    /** n-ary AND / OR folds left to right, each step short-circuiting. */
    private static CompiledExpr logical(Expr.Call call) {
        List<Expr> args = call.arguments();
        if (args.size() < 2) {
            throw new SqlException(SqlState.INTERNAL_ERROR, call.function().symbol() + " needs two arguments");
        }
        boolean isAnd = call.function() == ScalarFunction.AND;
        CompiledExpr result = compile(args.get(0));
        for (int i = 1; i < args.size(); i++) {
            result = new ExprNodes.Logical(result, compile(args.get(i)), isAnd);
        }
        return result;
    }

    private static CompiledExpr like(Expr.Call call) {
        List<Expr> args = call.arguments();
        arity(args, 2, call.function());
        boolean insensitive = call.function() == ScalarFunction.ILIKE || call.function() == ScalarFunction.NOT_ILIKE;
        boolean negated = call.function() == ScalarFunction.NOT_LIKE || call.function() == ScalarFunction.NOT_ILIKE;
        CompiledExpr value = compile(args.get(0));
        if (args.get(1) instanceof Expr.Constant c && c.value() instanceof String p) {
            LikePattern pattern = LikePattern.compile(p, insensitive);
            return new ExprNodes.Unary(value, v -> pattern.matches((String) v) != negated, SqlType.BOOLEAN);
        }
        PatternCache cache = new PatternCache(insensitive);
        return new ExprNodes.Binary(value, compile(args.get(1)),
                (v, p) -> cache.get((String) p).matches((String) v) != negated, SqlType.BOOLEAN);
    }

    /** Remembers the last pattern of a LIKE whose pattern is not a constant (it rarely changes per row). */
    private static final class PatternCache {
        private final boolean insensitive;
        private String lastText;
        private LikePattern last;

        PatternCache(boolean insensitive) {
            this.insensitive = insensitive;
        }

        LikePattern get(String text) {
            if (!text.equals(lastText)) {
                last = LikePattern.compile(text, insensitive);
                lastText = text;
            }
            return last;
        }
    }

    private static Object concat(List<Expr> args, Object[] values, SqlType type) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            out.append(v instanceof String s ? s : args.get(i).type().format(v));
        }
        return type.kind() == TypeKind.TEXT ? type.coerceText(out.toString()) : out.toString();
    }

    private static CompiledExpr round(Expr.Call call) {
        List<Expr> args = call.arguments();
        if (args.isEmpty() || args.size() > 2) {
            throw wrongArguments(call.function(), args.size());
        }
        SqlType type = call.type();
        TypeKind kind = kindOf(args.get(0));
        if (args.size() == 1) {
            UnaryOperator<Object> f = kind == TypeKind.DOUBLE
                    ? v -> Math.rint((Double) v)
                    : v -> NumericMath.round(Values.toBigDecimal((Number) v), 0);
            return new ExprNodes.Unary(compile(args.get(0)), numericResult(f, type), type);
        }
        BinaryOperator<Object> f = (v, digits) -> Casts.toNumberKind(
                NumericMath.round(Values.toBigDecimal((Number) v), Casts.toInt((Number) digits)), type);
        return new ExprNodes.Binary(compile(args.get(0)), compile(args.get(1)), f, type);
    }

    private static CompiledExpr substring(Expr.Call call) {
        List<Expr> args = call.arguments();
        if (args.size() == 2) {
            return new ExprNodes.Binary(compile(args.get(0)), compile(args.get(1)),
                    (s, start) -> TextFunctions.substring((String) s, ((Number) start).longValue()), call.type());
        }
        if (args.size() == 3) {
            return new ExprNodes.Strict(compileAll(args), v -> TextFunctions.substring((String) v[0],
                    ((Number) v[1]).longValue(), ((Number) v[2]).longValue()), call.type());
        }
        throw wrongArguments(call.function(), args.size());
    }

    private static CompiledExpr trim(Expr.Call call) {
        List<Expr> args = call.arguments();
        if (args.size() == 1) {
            return new ExprNodes.Unary(compile(args.get(0)), v -> TextFunctions.trim((String) v, " "), call.type());
        }
        if (args.size() == 2) {
            return new ExprNodes.Binary(compile(args.get(0)), compile(args.get(1)),
                    (s, chars) -> TextFunctions.trim((String) s, (String) chars), call.type());
        }
        throw wrongArguments(call.function(), args.size());
    }

    private static CompiledExpr extract(Expr.Call call) {
        List<Expr> args = call.arguments();
        arity(args, 2, call.function());
        SqlType type = call.type();
        if (args.get(0) instanceof Expr.Constant c && c.value() instanceof String field) {
            ToLongFunction<LocalDate> part = DateParts.field(field);
            return new ExprNodes.Unary(compile(args.get(1)),
                    d -> Casts.toNumberKind(part.applyAsLong((LocalDate) d), type), type);
        }
        return new ExprNodes.Binary(compile(args.get(0)), compile(args.get(1)),
                (f, d) -> Casts.toNumberKind(DateParts.field((String) f).applyAsLong((LocalDate) d), type), type);
    }

    private static CompiledExpr unary(List<Expr> args, int arity, UnaryOperator<Object> f, SqlType type,
            ScalarFunction function) {
        arity(args, arity, function);
        return new ExprNodes.Unary(compile(args.get(0)), f, type);
    }

    /** {@code f}'s numeric result converted to {@code type} where its kind differs. */
    private static UnaryOperator<Object> numericResult(UnaryOperator<Object> f, SqlType type) {
        if (!type.kind().isNumeric()) {
            return f;
        }
        return v -> {
            Object r = f.apply(v);
            return r instanceof Number n && !type.kind().javaClass().isInstance(r) ? Casts.toNumberKind(n, type) : r;
        };
    }

    private static UnaryOperator<Object> numericResult(UnaryOperator<Object> f, SqlType natural, SqlType type) {
        return natural.kind() == type.kind() ? f : numericResult(f, type);
    }

    /** The argument converted to {@code target}'s numeric kind if it has another (analyzer left them apart). */
    private static CompiledExpr promote(Expr arg, SqlType target) {
        CompiledExpr compiled = compile(arg);
        if (arg.type().kind() == target.kind()) {
            return compiled;
        }
        return new ExprNodes.Unary(compiled, v -> Casts.toNumberKind((Number) v, target), target);
    }

    private static CompiledExpr retype(CompiledExpr expr, SqlType type) {
        return expr.type().equals(type) ? expr : new ExprNodes.Unary(expr, v -> v, type);
    }

    private static TypeKind commonNumeric(TypeKind a, TypeKind b, ScalarFunction function) {
        if (!a.isNumeric() || !b.isNumeric()) {
            throw new SqlException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: "
                    + a.sqlName() + " " + function.symbol() + " " + b.sqlName());
        }
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(TypeKind kind) {
        return switch (kind) {
            case INTEGER -> 1;
            case BIGINT -> 2;
            case NUMERIC -> 3;
            case DOUBLE -> 4;
            default -> 0;
        };
    }

    private static TypeKind kindOf(Expr expr) {
        return expr.type().kind();
    }

    private static void arity(List<Expr> args, int expected, ScalarFunction function) {
        if (args.size() != expected) {
            throw wrongArguments(function, args.size());
        }
    }

    private static SqlException wrongArguments(ScalarFunction function, int count) {
        return new SqlException(SqlState.INTERNAL_ERROR,
                function.name().toLowerCase(Locale.ROOT) + " called with " + count + " arguments");
    }
}
