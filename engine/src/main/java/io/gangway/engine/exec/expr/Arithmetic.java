package io.gangway.engine.exec.expr;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.TypeKind;
import io.gangway.spi.query.ScalarFunction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * The arithmetic operators on non-null values of one numeric kind (and date ± integer,
 * date − date), with PostgreSQL's errors: integer overflow is 22003, division and modulo by zero
 * 22012, integer division truncates toward zero.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    /** The operator for values of {@code kind}; both operands are of that kind. */
    public static BinaryOperator<Object> binary(ScalarFunction function, TypeKind kind) {
        return switch (kind) {
            case INTEGER -> intOp(function);
            case BIGINT -> longOp(function);
            case NUMERIC -> numericOp(function);
            case DOUBLE -> doubleOp(function);
            default -> throw unsupported(function, kind.sqlName());
        };
    }

    private static BinaryOperator<Object> intOp(ScalarFunction function) {
        return switch (function) {
            case ADD -> (a, b) -> checkInt((long) (Integer) a + (Integer) b);
            case SUBTRACT -> (a, b) -> checkInt((long) (Integer) a - (Integer) b);
            case MULTIPLY -> (a, b) -> checkInt((long) (Integer) a * (Integer) b);
            case DIVIDE -> (a, b) -> {
                int y = (Integer) b;
                if (y == 0) {
                    throw NumericMath.divisionByZero();
                }
                return checkInt((long) (Integer) a / y);
            };
            case MODULO -> (a, b) -> {
                int y = (Integer) b;
                if (y == 0) {
                    throw NumericMath.divisionByZero();
                }
                return y == -1 ? 0 : (Integer) a % y;
            };
            default -> throw unsupported(function, "integer");
        };
    }

    private static BinaryOperator<Object> longOp(ScalarFunction function) {
        return switch (function) {
            case ADD -> (a, b) -> {
                try {
                    return Math.addExact((Long) a, (Long) b);
                } catch (ArithmeticException e) {
                    throw bigintOutOfRange();
                }
            };
            case SUBTRACT -> (a, b) -> {
                try {
                    return Math.subtractExact((Long) a, (Long) b);
                } catch (ArithmeticException e) {
                    throw bigintOutOfRange();
                }
            };
            case MULTIPLY -> (a, b) -> {
                try {
                    return Math.multiplyExact((Long) a, (Long) b);
                } catch (ArithmeticException e) {
                    throw bigintOutOfRange();
                }
            };
            case DIVIDE -> (a, b) -> {
                long x = (Long) a;
                long y = (Long) b;
                if (y == 0) {
                    throw NumericMath.divisionByZero();
                }
                if (x == Long.MIN_VALUE && y == -1) {
                    throw bigintOutOfRange();
                }
                return x / y;
            };
            case MODULO -> (a, b) -> {
                long y = (Long) b;
                if (y == 0) {
                    throw NumericMath.divisionByZero();
                }
                return y == -1 ? 0L : (Long) a % y;
            };
            default -> throw unsupported(function, "bigint");
        };
    }

    private static BinaryOperator<Object> numericOp(ScalarFunction function) {
        return switch (function) {
            case ADD -> (a, b) -> ((BigDecimal) a).add((BigDecimal) b);
            case SUBTRACT -> (a, b) -> ((BigDecimal) a).subtract((BigDecimal) b);
            case MULTIPLY -> (a, b) -> ((BigDecimal) a).multiply((BigDecimal) b);
            case DIVIDE -> (a, b) -> NumericMath.divide((BigDecimal) a, (BigDecimal) b);
            case MODULO -> (a, b) -> NumericMath.modulo((BigDecimal) a, (BigDecimal) b);
            default -> throw unsupported(function, "numeric");
        };
    }

    private static BinaryOperator<Object> doubleOp(ScalarFunction function) {
        return switch (function) {
            case ADD -> (a, b) -> checkDouble((Double) a + (Double) b, (Double) a, (Double) b);
            case SUBTRACT -> (a, b) -> checkDouble((Double) a - (Double) b, (Double) a, (Double) b);
            case MULTIPLY -> (a, b) -> {
                double x = (Double) a;
                double y = (Double) b;
                double r = x * y;
                if (r == 0.0 && x != 0.0 && y != 0.0) {
                    throw doubleUnderflow();
                }
                return checkDouble(r, x, y);
            };
            case DIVIDE -> (a, b) -> {
                double x = (Double) a;
                double y = (Double) b;
                if (y == 0.0) {
                    throw NumericMath.divisionByZero();
                }
                double r = x / y;
                if (r == 0.0 && x != 0.0 && !Double.isInfinite(y)) {
                    throw doubleUnderflow();
                }
                return checkDouble(r, x, y);
            };
            case MODULO -> (a, b) -> {
                double y = (Double) b;
                if (y == 0.0) {
                    throw NumericMath.divisionByZero();
                }
                return (Double) a % y;
            };
            default -> throw unsupported(function, "double precision");
        };
    }

    /** Unary minus of a non-null value. */
    public static UnaryOperator<Object> negate(TypeKind kind) {
        return switch (kind) {
            case INTEGER -> v -> checkInt(-(long) (Integer) v);
            case BIGINT -> v -> {
                long x = (Long) v;
                if (x == Long.MIN_VALUE) {
                    throw bigintOutOfRange();
                }
                return -x;
            };
            case NUMERIC -> v -> ((BigDecimal) v).negate();
            case DOUBLE -> v -> -(Double) v;
            default -> throw unsupported(ScalarFunction.NEGATE, kind.sqlName());
        };
    }

    /** {@code abs} of a non-null value. */
    public static UnaryOperator<Object> abs(TypeKind kind) {
        return switch (kind) {
            case INTEGER -> v -> checkInt(Math.abs((long) (Integer) v));
            case BIGINT -> v -> {
                long x = (Long) v;
                if (x == Long.MIN_VALUE) {
                    throw bigintOutOfRange();
                }
                return Math.abs(x);
            };
            case NUMERIC -> v -> ((BigDecimal) v).abs();
            case DOUBLE -> v -> Math.abs((Double) v);
            default -> throw new SqlException(SqlState.UNDEFINED_FUNCTION,
                    "function abs(" + kind.sqlName() + ") does not exist");
        };
    }

    /** {@code date + integer}, {@code integer + date}, {@code date - integer}, {@code date - date}. */
    public static BinaryOperator<Object> dateOp(ScalarFunction function, TypeKind left, TypeKind right) {
        if (function == ScalarFunction.ADD && left == TypeKind.DATE && isInteger(right)) {
            return (a, b) -> ((LocalDate) a).plusDays(((Number) b).longValue());
        }
        if (function == ScalarFunction.ADD && isInteger(left) && right == TypeKind.DATE) {
            return (a, b) -> ((LocalDate) b).plusDays(((Number) a).longValue());
        }
        if (function == ScalarFunction.SUBTRACT && left == TypeKind.DATE && isInteger(right)) {
            return (a, b) -> ((LocalDate) a).minusDays(((Number) b).longValue());
        }
        if (function == ScalarFunction.SUBTRACT && left == TypeKind.DATE && right == TypeKind.DATE) {
            return (a, b) -> checkInt(((LocalDate) a).toEpochDay() - ((LocalDate) b).toEpochDay());
        }
        throw new SqlException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: "
                + left.sqlName() + " " + function.symbol() + " " + right.sqlName());
    }

    private static boolean isInteger(TypeKind kind) {
        return kind == TypeKind.INTEGER || kind == TypeKind.BIGINT;
    }

    static Integer checkInt(long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw intOutOfRange();
        }
        return (int) value;
    }

    private static Double checkDouble(double result, double x, double y) {
        if (Double.isInfinite(result) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        return result;
    }

    private static SqlException doubleUnderflow() {
        return new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
    }

    public static SqlException intOutOfRange() {
        return new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
    }

    public static SqlException bigintOutOfRange() {
        return new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
    }

    private static SqlException unsupported(ScalarFunction function, String type) {
        return new SqlException(SqlState.UNDEFINED_FUNCTION,
                "operator does not exist: " + type + " " + function.symbol() + " " + type);
    }
}
