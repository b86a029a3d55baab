package io.gangway.engine.analyzer;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.api.TypeKind;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.ScalarFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Resolves a scalar function call by name and argument types to a typed {@link Expr.Call}. */
final class ScalarFunctions {
    private ScalarFunctions() {
    }

    static Expr resolve(String name, List<Expr> args, int position) {
        return switch (name) {
            case "coalesce" -> {
                requireArity(name, args, 1, Integer.MAX_VALUE, position);
                SqlType type = ExpressionAnalyzer.commonTypeOf(args, "COALESCE", position);
                yield new Expr.Call(ScalarFunction.COALESCE, castAll(args, type), type);
            }
            case "nullif" -> {
                requireArity(name, args, 2, 2, position);
                SqlType type = ExpressionAnalyzer.commonTypeOf(args, "NULLIF", position);
                yield new Expr.Call(ScalarFunction.NULLIF, castAll(args, type), type);
            }
            case "abs" -> {
                requireArity(name, args, 1, 1, position);
                Expr arg = numericArgument(name, args.getFirst(), position);
                yield new Expr.Call(ScalarFunction.ABS, List.of(arg), arg.type());
            }
            case "round" -> {
                requireArity(name, args, 1, 2, position);
                Expr arg = numericArgument(name, args.getFirst(), position);
                if (arg.type().kind() == TypeKind.DOUBLE && args.size() == 1) {
                    yield new Expr.Call(ScalarFunction.ROUND, List.of(arg), SqlType.DOUBLE);
                }
                List<Expr> castArgs = new ArrayList<>();
                castArgs.add(Coercion.cast(arg, SqlType.NUMERIC));
                if (args.size() == 2) {
                    castArgs.add(integerArgument(name, args.get(1), position));
                }
                yield new Expr.Call(ScalarFunction.ROUND, castArgs, SqlType.NUMERIC);
            }
            case "upper", "lower", "btrim", "trim" -> {
                requireArity(name, args, 1, 1, position);
                ScalarFunction f = switch (name) {
                    case "upper" -> ScalarFunction.UPPER;
                    case "lower" -> ScalarFunction.LOWER;
                    default -> ScalarFunction.TRIM;
                };
                yield new Expr.Call(f, List.of(textArgument(name, args.getFirst(), position)), SqlType.TEXT);
            }
            case "length", "char_length", "character_length" -> {
                requireArity(name, args, 1, 1, position);
                yield new Expr.Call(ScalarFunction.LENGTH, List.of(textArgument(name, args.getFirst(), position)),
                        SqlType.INTEGER);
            }
            case "substring", "substr" -> {
                requireArity(name, args, 2, 3, position);
                List<Expr> castArgs = new ArrayList<>();
                castArgs.add(textArgument(name, args.getFirst(), position));
                for (Expr arg : args.subList(1, args.size())) {
                    castArgs.add(integerArgument(name, arg, position));
                }
                yield new Expr.Call(ScalarFunction.SUBSTRING, castArgs, SqlType.TEXT);
            }
            default -> throw new SqlException(SqlState.UNDEFINED_FUNCTION,
                    "function " + name + "(" + args.stream().map(a -> a.type().displayName())
                            .collect(Collectors.joining(", ")) + ") does not exist",
                    Optional.empty(),
                    Optional.of("No function matches the given name and argument types. You might need to add explicit type casts."),
                    position > 0 ? java.util.OptionalInt.of(position) : java.util.OptionalInt.empty(), null);
        };
    }

    private static List<Expr> castAll(List<Expr> args, SqlType type) {
        return args.stream().map(a -> Coercion.implicit(a, type)).toList();
    }

    private static void requireArity(String name, List<Expr> args, int min, int max, int position) {
        if (args.size() < min || args.size() > max) {
            throw SqlException.at(SqlState.UNDEFINED_FUNCTION, position,
                    "function " + name + " with " + args.size() + " arguments does not exist");
        }
    }

    private static Expr numericArgument(String name, Expr arg, int position) {
        if (arg.type().kind() == TypeKind.UNKNOWN) {
            return Coercion.cast(arg, SqlType.NUMERIC);
        }
        if (!arg.type().kind().isNumeric()) {
            throw ExpressionAnalyzer.noFunction(name, arg.type(), position);
        }
        return arg;
    }

    private static Expr integerArgument(String name, Expr arg, int position) {
        TypeKind kind = arg.type().kind();
        if (kind == TypeKind.UNKNOWN || kind == TypeKind.INTEGER) {
            return Coercion.cast(arg, SqlType.INTEGER);
        }
        throw ExpressionAnalyzer.noFunction(name, arg.type(), position);
    }

    private static Expr textArgument(String name, Expr arg, int position) {
        TypeKind kind = arg.type().kind();
        if (kind == TypeKind.TEXT || kind == TypeKind.UNKNOWN) {
            return Coercion.cast(arg, SqlType.TEXT);
        }
        throw ExpressionAnalyzer.noFunction(name, arg.type(), position);
    }
}
