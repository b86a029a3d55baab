package io.gangway.engine.analyzer;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.api.TypeKind;
import io.gangway.spi.analyzer.AnalyzerContext;
import io.gangway.spi.ast.Expression;
import io.gangway.spi.ast.Expression.BinaryOperator;
import io.gangway.spi.query.AggregateFunction;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.ScalarFunction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Types one expression of a query against its {@link Scope}: resolves columns, picks operators
 * and functions by argument types (adding implicit casts), and folds constants where PostgreSQL
 * would. Where aggregates are not allowed ({@code where} names the clause) it says so.
 */
final class ExpressionAnalyzer {
    private final Scope scope;
    private final AnalyzerContext context;

    ExpressionAnalyzer(Scope scope, AnalyzerContext context) {
        this.scope = scope;
        this.context = context;
    }

    /** Analyzes an expression in which aggregates may appear. */
    Expr analyze(Expression expression) {
        return analyze(expression, null);
    }

    /** Analyzes an expression; {@code noAggregatesIn} names the clause where aggregates are refused (null: allowed). */
    Expr analyze(Expression expression, String noAggregatesIn) {
        return switch (expression) {
            case Expression.NumberLiteral n -> numberLiteral(n.text(), n.position());
            case Expression.StringLiteral s -> new Expr.Constant(s.value(), SqlType.UNKNOWN);
            case Expression.BooleanLiteral b -> new Expr.Constant(b.value(), SqlType.BOOLEAN);
            case Expression.NullLiteral n -> new Expr.Constant(null, SqlType.UNKNOWN);
            case Expression.TypedLiteral t -> typedLiteral(t);
            case Expression.ColumnReference c -> scope.resolve(c);
            case Expression.Parameter p -> parameter(p);
            case Expression.Binary b -> binary(b, noAggregatesIn);
            case Expression.Unary u -> unary(u, noAggregatesIn);
            case Expression.FunctionCall f -> function(f, noAggregatesIn);
            case Expression.Cast c -> explicitCast(analyze(c.operand(), noAggregatesIn), TypeResolver.resolve(c.type()),
                    c.position());
            case Expression.IsNull n -> new Expr.Call(n.negated() ? ScalarFunction.IS_NOT_NULL : ScalarFunction.IS_NULL,
                    List.of(analyze(n.operand(), noAggregatesIn)), SqlType.BOOLEAN);
            case Expression.Between b -> between(b, noAggregatesIn);
            case Expression.InList in -> inList(in, noAggregatesIn);
            case Expression.Like like -> like(like, noAggregatesIn);
            case Expression.Case c -> caseExpression(c, noAggregatesIn);
            case Expression.Extract e -> extract(e, noAggregatesIn);
            case Expression.ScalarSubquery s -> throw unsupportedSubquery(s.position());
            case Expression.Exists e -> throw unsupportedSubquery(e.position());
            case Expression.InSubquery s -> throw unsupportedSubquery(s.position());
        };
    }

    /** Analyzes a condition (WHERE, ON, HAVING): it must be boolean. */
    Expr condition(Expression expression, String clause, boolean aggregatesAllowed) {
        Expr expr = analyze(expression, aggregatesAllowed ? null : clause);
        return requireBoolean(expr, "argument of " + clause, expression.position());
    }

    static Expr requireBoolean(Expr expr, String what, int position) {
        if (expr.type().kind() == TypeKind.UNKNOWN) {
            return Coercion.cast(expr, SqlType.BOOLEAN);
        }
        if (expr.type().kind() != TypeKind.BOOLEAN) {
            throw SqlException.at(SqlState.DATATYPE_MISMATCH, position,
                    what + " must be type boolean, not type " + expr.type().displayName());
        }
        return expr;
    }

    private static SqlException unsupportedSubquery(int position) {
        return SqlException.at(SqlState.FEATURE_NOT_SUPPORTED, position, "subqueries in expressions are not supported yet");
    }

    static Expr numberLiteral(String text, int position) {
        if (text.chars().allMatch(Character::isDigit)) {
            BigInteger value = new BigInteger(text);
            if (value.bitLength() < 32) {
                return new Expr.Constant(value.intValue(), SqlType.INTEGER);
            }
            if (value.bitLength() < 64) {
                return new Expr.Constant(value.longValue(), SqlType.BIGINT);
            }
        }
        try {
            return new Expr.Constant(new BigDecimal(text), SqlType.NUMERIC);
        } catch (NumberFormatException e) {
            throw SqlException.at(SqlState.INVALID_TEXT_REPRESENTATION, position,
                    "invalid input syntax for type numeric: \"" + text + "\"");
        }
    }

    private Expr typedLiteral(Expression.TypedLiteral literal) {
        if (literal.type().name().equals("interval")) {
            throw SqlException.at(SqlState.FEATURE_NOT_SUPPORTED, literal.position(),
                    "interval values are supported only added to or subtracted from a date constant");
        }
        SqlType type = TypeResolver.resolve(literal.type());
        return new Expr.Constant(type.parse(literal.value()), type);
    }

    private Expr parameter(Expression.Parameter p) {
        int index = p.index() - 1;
        SqlType declared = index < context.parameterTypes().size() ? context.parameterTypes().get(index) : null;
        SqlType type = declared == null ? SqlType.UNKNOWN : declared;
        if (context.parameterValues().isEmpty()) {
            return new Expr.Constant(null, type);
        }
        List<Object> values = context.parameterValues().get();
        if (index < 0 || index >= values.size()) {
            throw SqlException.at(SqlState.UNDEFINED_PARAMETER, p.position(), "there is no parameter $" + p.index());
        }
        Object value = values.get(index);
        if (value != null && type.kind() == TypeKind.UNKNOWN && !(value instanceof String)) {
            throw new SqlException(SqlState.INTERNAL_ERROR, "untyped parameter $" + p.index() + " bound to a non-text value");
        }
        return new Expr.Constant(value, type);
    }

    private Expr binary(Expression.Binary b, String noAggregatesIn) {
        // date ± interval 'n' unit: folded here, since Gangway has no interval type yet.
        if ((b.operator() == BinaryOperator.ADD || b.operator() == BinaryOperator.SUBTRACT)
                && b.right() instanceof Expression.TypedLiteral interval && interval.type().name().equals("interval")) {
            return dateIntervalArithmetic(analyze(b.left(), noAggregatesIn), interval, b.operator() == BinaryOperator.ADD);
        }
        Expr left = analyze(b.left(), noAggregatesIn);
        Expr right = analyze(b.right(), noAggregatesIn);
        return switch (b.operator()) {
            case AND, OR -> new Expr.Call(b.operator() == BinaryOperator.AND ? ScalarFunction.AND : ScalarFunction.OR,
                    List.of(requireBoolean(left, "argument of " + b.operator().symbol(), b.left().position()),
                            requireBoolean(right, "argument of " + b.operator().symbol(), b.right().position())),
                    SqlType.BOOLEAN);
            case EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> comparison(comparisonFunction(b.operator()),
                    left, right, b.operator().symbol(), b.position());
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO -> arithmetic(b.operator(), left, right, b.position());
            case CONCAT -> concat(left, right, b.position());
        };
    }

    private static ScalarFunction comparisonFunction(BinaryOperator op) {
        return switch (op) {
            case EQUAL -> ScalarFunction.EQUAL;
            case NOT_EQUAL -> ScalarFunction.NOT_EQUAL;
            case LESS -> ScalarFunction.LESS;
            case LESS_EQUAL -> ScalarFunction.LESS_EQUAL;
            case GREATER -> ScalarFunction.GREATER;
            case GREATER_EQUAL -> ScalarFunction.GREATER_EQUAL;
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO, AND, OR, CONCAT ->
                    throw new IllegalArgumentException("not a comparison: " + op);
        };
    }

    static Expr comparison(ScalarFunction function, Expr left, Expr right, String symbol, int position) {
        SqlType common = Coercion.commonType(left.type(), right.type())
                .orElseThrow(() -> noOperator(symbol, left.type(), right.type(), position));
        return new Expr.Call(function, List.of(Coercion.implicit(left, common), Coercion.implicit(right, common)),
                SqlType.BOOLEAN);
    }

    private Expr arithmetic(BinaryOperator op, Expr left, Expr right, int position) {
        ScalarFunction function = switch (op) {
            case ADD -> ScalarFunction.ADD;
            case SUBTRACT -> ScalarFunction.SUBTRACT;
            case MULTIPLY -> ScalarFunction.MULTIPLY;
            case DIVIDE -> ScalarFunction.DIVIDE;
            case MODULO -> ScalarFunction.MODULO;
            case EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, AND, OR, CONCAT ->
                    throw new IllegalArgumentException("not arithmetic: " + op);
        };
        TypeKind lk = left.type().kind();
        TypeKind rk = right.type().kind();
        if (lk == TypeKind.DATE && (op == BinaryOperator.ADD || op == BinaryOperator.SUBTRACT)) {
            if (rk == TypeKind.INTEGER || rk == TypeKind.UNKNOWN) {
                return new Expr.Call(function, List.of(left, Coercion.implicit(right, SqlType.INTEGER)), SqlType.DATE);
            }
            if (rk == TypeKind.DATE && op == BinaryOperator.SUBTRACT) {
                return new Expr.Call(function, List.of(left, right), SqlType.INTEGER);
            }
        }
        if (rk == TypeKind.DATE && lk == TypeKind.INTEGER && op == BinaryOperator.ADD) {
            return new Expr.Call(function, List.of(right, left), SqlType.DATE);
        }
        SqlType common = Coercion.commonType(left.type(), right.type())
                .filter(t -> t.kind().isNumeric() || t.kind() == TypeKind.TEXT && lk == TypeKind.UNKNOWN && rk == TypeKind.UNKNOWN)
                .orElseThrow(() -> noOperator(op.symbol(), left.type(), right.type(), position));
        if (!common.kind().isNumeric()) {
            throw noOperator(op.symbol(), SqlType.UNKNOWN, SqlType.UNKNOWN, position);
        }
        return new Expr.Call(function, List.of(Coercion.implicit(left, common), Coercion.implicit(right, common)), common);
    }

    private Expr dateIntervalArithmetic(Expr date, Expression.TypedLiteral interval, boolean add) {
        if (!(date instanceof Expr.Constant(Object value, SqlType type)) || type.kind() != TypeKind.DATE || value == null) {
            throw SqlException.at(SqlState.FEATURE_NOT_SUPPORTED, interval.position(),
                    "interval values are supported only added to or subtracted from a date constant");
        }
        String[] words = (interval.value().strip() + interval.qualifier().map(q -> " " + q).orElse(""))
                .toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length != 2) {
            throw SqlException.at(SqlState.INVALID_DATETIME_FORMAT, interval.position(),
                    "invalid input syntax for type interval: \"" + interval.value() + "\"");
        }
        long amount;
        try {
            amount = Long.parseLong(words[0]) * (add ? 1 : -1);
        } catch (NumberFormatException e) {
            throw SqlException.at(SqlState.INVALID_DATETIME_FORMAT, interval.position(),
                    "invalid input syntax for type interval: \"" + interval.value() + "\"");
        }
        LocalDate d = (LocalDate) value;
        LocalDate result = switch (words[1].replaceAll("s$", "")) {
            case "day" -> d.plusDays(amount);
            case "week" -> d.plusWeeks(amount);
            case "month", "mon" -> d.plusMonths(amount);
            case "year" -> d.plusYears(amount);
            default -> throw SqlException.at(SqlState.INVALID_DATETIME_FORMAT, interval.position(),
                    "invalid input syntax for type interval: \"" + interval.value() + "\"");
        };
        return new Expr.Constant(result, SqlType.DATE);
    }

    private static Expr concat(Expr left, Expr right, int position) {
        if (left.type().kind() != TypeKind.TEXT && left.type().kind() != TypeKind.UNKNOWN
                && right.type().kind() != TypeKind.TEXT && right.type().kind() != TypeKind.UNKNOWN) {
            throw noOperator("||", left.type(), right.type(), position);
        }
        return new Expr.Call(ScalarFunction.CONCAT,
                List.of(Coercion.cast(left, SqlType.TEXT), Coercion.cast(right, SqlType.TEXT)), SqlType.TEXT);
    }

    static SqlException noOperator(String symbol, SqlType left, SqlType right, int position) {
        return new SqlException(SqlState.UNDEFINED_FUNCTION,
                "operator does not exist: " + left.displayName() + " " + symbol + " " + right.displayName(),
                Optional.empty(),
                Optional.of("No operator matches the given name and argument types. You might need to add explicit type casts."),
                position > 0 ? java.util.OptionalInt.of(position) : java.util.OptionalInt.empty(), null);
    }

    private Expr unary(Expression.Unary u, String noAggregatesIn) {
        if (u.operator() == Expression.UnaryOperator.NEGATE && u.operand() instanceof Expression.NumberLiteral n) {
            return negativeLiteral(n.text(), n.position());
        }
        Expr operand = analyze(u.operand(), noAggregatesIn);
        return switch (u.operator()) {
            case NOT -> new Expr.Call(ScalarFunction.NOT,
                    List.of(requireBoolean(operand, "argument of NOT", u.operand().position())), SqlType.BOOLEAN);
            case PLUS -> requireNumeric(operand, "+", u.position());
            case NEGATE -> new Expr.Call(ScalarFunction.NEGATE, List.of(requireNumeric(operand, "-", u.position())),
                    operand.type().kind() == TypeKind.UNKNOWN ? SqlType.NUMERIC : Coercion.unconstrained(operand.type()));
        };
    }

    private static Expr negativeLiteral(String text, int position) {
        if (text.chars().allMatch(Character::isDigit)) {
            BigInteger value = new BigInteger(text).negate();
            if (value.bitLength() < 32) {
                return new Expr.Constant(value.intValue(), SqlType.INTEGER);
            }
            if (value.bitLength() < 64) {
                return new Expr.Constant(value.longValue(), SqlType.BIGINT);
            }
        }
        Expr positive = numberLiteral(text, position);
        return new Expr.Constant(((BigDecimal) ((Expr.Constant) positive).value()).negate(), SqlType.NUMERIC);
    }

    private static Expr requireNumeric(Expr operand, String symbol, int position) {
        if (operand.type().kind() == TypeKind.UNKNOWN) {
            return Coercion.cast(operand, SqlType.NUMERIC);
        }
        if (!operand.type().kind().isNumeric()) {
            throw new SqlException(SqlState.UNDEFINED_FUNCTION,
                    "operator does not exist: " + symbol + " " + operand.type().displayName());
        }
        return operand;
    }

    static Expr explicitCast(Expr operand, SqlType target, int position) {
        if (!Coercion.castable(operand.type(), target)) {
            throw SqlException.at(SqlState.CANNOT_COERCE, position,
                    "cannot cast type " + operand.type().displayName() + " to " + target.displayName());
        }
        return Coercion.cast(operand, target);
    }

    private Expr between(Expression.Between b, String noAggregatesIn) {
        Expr value = analyze(b.value(), noAggregatesIn);
        Expr low = analyze(b.low(), noAggregatesIn);
        Expr high = analyze(b.high(), noAggregatesIn);
        Expr both = new Expr.Call(ScalarFunction.AND, List.of(
                comparison(ScalarFunction.GREATER_EQUAL, value, low, ">=", b.position()),
                comparison(ScalarFunction.LESS_EQUAL, value, high, "<=", b.position())), SqlType.BOOLEAN);
        return b.negated() ? new Expr.Call(ScalarFunction.NOT, List.of(both), SqlType.BOOLEAN) : both;
    }

    private Expr inList(Expression.InList in, String noAggregatesIn) {
        Expr value = analyze(in.value(), noAggregatesIn);
        List<Expr> alternatives = new ArrayList<>();
        for (Expression item : in.list()) {
            alternatives.add(comparison(ScalarFunction.EQUAL, value, analyze(item, noAggregatesIn), "=", item.position()));
        }
        Expr any = alternatives.size() == 1 ? alternatives.getFirst()
                : new Expr.Call(ScalarFunction.OR, alternatives, SqlType.BOOLEAN);
        return in.negated() ? new Expr.Call(ScalarFunction.NOT, List.of(any), SqlType.BOOLEAN) : any;
    }

    private Expr like(Expression.Like like, String noAggregatesIn) {
        Expr value = analyze(like.value(), noAggregatesIn);
        Expr pattern = analyze(like.pattern(), noAggregatesIn);
        for (Expr e : List.of(value, pattern)) {
            if (e.type().kind() != TypeKind.TEXT && e.type().kind() != TypeKind.UNKNOWN) {
                throw noOperator("~~", value.type(), pattern.type(), like.position());
            }
        }
        ScalarFunction function = like.caseInsensitive()
                ? (like.negated() ? ScalarFunction.NOT_ILIKE : ScalarFunction.ILIKE)
                : (like.negated() ? ScalarFunction.NOT_LIKE : ScalarFunction.LIKE);
        return new Expr.Call(function, List.of(Coercion.cast(value, SqlType.TEXT), Coercion.cast(pattern, SqlType.TEXT)),
                SqlType.BOOLEAN);
    }

    private Expr caseExpression(Expression.Case c, String noAggregatesIn) {
        Optional<Expr> operand = c.operand().map(o -> analyze(o, noAggregatesIn));
        List<Expr> conditions = new ArrayList<>();
        List<Expr> results = new ArrayList<>();
        for (Expression.WhenClause when : c.whens()) {
            Expr condition = analyze(when.condition(), noAggregatesIn);
            conditions.add(operand.isPresent()
                    ? comparison(ScalarFunction.EQUAL, operand.get(), condition, "=", when.condition().position())
                    : requireBoolean(condition, "argument of CASE/WHEN", when.condition().position()));
            results.add(analyze(when.result(), noAggregatesIn));
        }
        Optional<Expr> otherwise = c.otherwise().map(o -> analyze(o, noAggregatesIn));
        List<Expr> all = new ArrayList<>(results);
        otherwise.ifPresent(all::add);
        SqlType type = commonTypeOf(all, "CASE", c.position());
        return new Expr.Case(conditions, results.stream().map(r -> Coercion.implicit(r, type)).toList(),
                otherwise.map(o -> Coercion.implicit(o, type)), type);
    }

    static SqlType commonTypeOf(List<Expr> exprs, String construct, int position) {
        SqlType type = SqlType.UNKNOWN;
        for (Expr e : exprs) {
            SqlType current = type;
            type = Coercion.commonType(type, e.type()).orElseThrow(() -> SqlException.at(SqlState.DATATYPE_MISMATCH,
                    position, construct + " types " + current.displayName() + " and " + e.type().displayName()
                            + " cannot be matched"));
        }
        return type.kind() == TypeKind.UNKNOWN ? SqlType.TEXT : type;
    }

    private Expr extract(Expression.Extract e, String noAggregatesIn) {
        Expr source = analyze(e.source(), noAggregatesIn);
        if (source.type().kind() == TypeKind.UNKNOWN) {
            source = Coercion.cast(source, SqlType.DATE);
        }
        if (source.type().kind() != TypeKind.DATE) {
            throw SqlException.at(SqlState.UNDEFINED_FUNCTION, e.position(),
                    "function extract(unknown, " + source.type().displayName() + ") does not exist");
        }
        if (!List.of("year", "month", "day", "dow", "doy", "quarter", "epoch", "week", "decade", "century")
                .contains(e.field())) {
            throw SqlException.at(SqlState.FEATURE_NOT_SUPPORTED, e.position(),
                    "unit \"" + e.field() + "\" not supported for type date");
        }
        return new Expr.Call(ScalarFunction.EXTRACT, List.of(new Expr.Constant(e.field(), SqlType.TEXT), source),
                SqlType.NUMERIC);
    }

    private Expr function(Expression.FunctionCall call, String noAggregatesIn) {
        String name = call.name().simpleName();
        Optional<AggregateFunction> aggregate = aggregateFunction(name, call.star());
        if (aggregate.isPresent()) {
            if (noAggregatesIn != null) {
                throw SqlException.at(SqlState.GROUPING_ERROR, call.position(),
                        "aggregate functions are not allowed in " + noAggregatesIn);
            }
            return aggregate(aggregate.get(), call);
        }
        if (call.star() || call.distinct()) {
            throw SqlException.at(SqlState.WRONG_OBJECT_TYPE, call.position(),
                    (call.star() ? "* specified" : "DISTINCT specified") + ", but " + name + " is not an aggregate function");
        }
        List<Expr> args = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            args.add(analyze(argument, noAggregatesIn));
        }
        return ScalarFunctions.resolve(name, args, call.position());
    }

    private static Optional<AggregateFunction> aggregateFunction(String name, boolean star) {
        return Optional.ofNullable(switch (name) {
            case "count" -> star ? AggregateFunction.COUNT_STAR : AggregateFunction.COUNT;
            case "sum" -> AggregateFunction.SUM;
            case "avg" -> AggregateFunction.AVG;
            case "min" -> AggregateFunction.MIN;
            case "max" -> AggregateFunction.MAX;
            default -> null;
        });
    }

    private Expr aggregate(AggregateFunction function, Expression.FunctionCall call) {
        List<Expr> args = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            args.add(analyze(argument, "aggregate function calls"));
        }
        if (function == AggregateFunction.COUNT_STAR) {
            return new Expr.Aggregate(function, List.of(), false, SqlType.BIGINT);
        }
        if (args.size() != 1) {
            throw SqlException.at(SqlState.UNDEFINED_FUNCTION, call.position(),
                    "function " + function.sqlName() + " with " + args.size() + " arguments does not exist");
        }
        Expr arg = args.getFirst();
        if (arg.type().kind() == TypeKind.UNKNOWN) {
            arg = Coercion.cast(arg, function == AggregateFunction.SUM || function == AggregateFunction.AVG
                    ? SqlType.NUMERIC : SqlType.TEXT);
        }
        TypeKind kind = arg.type().kind();
        SqlType result = switch (function) {
            case COUNT_STAR, COUNT -> SqlType.BIGINT;
            case SUM -> switch (kind) {
                case INTEGER -> SqlType.BIGINT;
                case BIGINT, NUMERIC -> SqlType.NUMERIC;
                case DOUBLE -> SqlType.DOUBLE;
                case BOOLEAN, TEXT, DATE, UNKNOWN -> throw noFunction("sum", arg.type(), call.position());
            };
            case AVG -> switch (kind) {
                case INTEGER, BIGINT, NUMERIC -> SqlType.NUMERIC;
                case DOUBLE -> SqlType.DOUBLE;
                case BOOLEAN, TEXT, DATE, UNKNOWN -> throw noFunction("avg", arg.type(), call.position());
            };
            case MIN, MAX -> {
                if (kind == TypeKind.BOOLEAN) {
                    throw noFunction(function.sqlName(), arg.type(), call.position());
                }
                yield Coercion.unconstrained(arg.type());
            }
        };
        return new Expr.Aggregate(function, List.of(arg), call.distinct(), result);
    }

    static SqlException noFunction(String name, SqlType arg, int position) {
        return new SqlException(SqlState.UNDEFINED_FUNCTION,
                "function " + name + "(" + arg.displayName() + ") does not exist", Optional.empty(),
                Optional.of("No function matches the given name and argument types. You might need to add explicit type casts."),
                position > 0 ? java.util.OptionalInt.of(position) : java.util.OptionalInt.empty(), null);
    }
}
