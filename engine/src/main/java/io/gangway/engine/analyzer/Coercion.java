package io.gangway.engine.analyzer;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.api.TypeKind;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.ScalarFunction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's implicit type rules, in the small: numeric promotion (integer → bigint → numeric →
 * double precision), unknown-typed literals taking the type their context wants, and assignment
 * casts for INSERT. Casts of constants are folded here so that {@code '1998-12-01'::date} is a
 * date constant by the time the planner sees it.
 */
final class Coercion {
    private Coercion() {
    }

    /** The type two operands meet at, or empty when PostgreSQL would have no operator for them. */
    static Optional<SqlType> commonType(SqlType a, SqlType b) {
        TypeKind ka = a.kind();
        TypeKind kb = b.kind();
        if (ka == TypeKind.UNKNOWN && kb == TypeKind.UNKNOWN) {
            return Optional.of(SqlType.TEXT);
        }
        if (ka == TypeKind.UNKNOWN) {
            return Optional.of(b);
        }
        if (kb == TypeKind.UNKNOWN) {
            return Optional.of(a);
        }
        if (ka == kb) {
            return Optional.of(ka == TypeKind.NUMERIC || ka == TypeKind.TEXT ? unconstrained(a) : a);
        }
        if (ka.isNumeric() && kb.isNumeric()) {
            return Optional.of(rank(ka) >= rank(kb) ? unconstrained(a) : unconstrained(b));
        }
        return Optional.empty();
    }

    /** The same type without length or precision limits (what an expression computes in). */
    static SqlType unconstrained(SqlType type) {
        return switch (type.kind()) {
            case NUMERIC -> SqlType.NUMERIC;
            case TEXT -> SqlType.TEXT;
            case BOOLEAN, INTEGER, BIGINT, DOUBLE, DATE, UNKNOWN -> type;
        };
    }

    private static int rank(TypeKind kind) {
        return switch (kind) {
            case INTEGER -> 1;
            case BIGINT -> 2;
            case NUMERIC -> 3;
            case DOUBLE -> 4;
            case BOOLEAN, TEXT, DATE, UNKNOWN -> 0;
        };
    }

    /** An implicit cast (operator arguments): only widening and unknown literals. */
    static Expr implicit(Expr expr, SqlType target) {
        return cast(expr, target);
    }

    /** Whether INSERT may store a value of {@code source} in a column of {@code target} (an assignment cast). */
    static boolean assignable(SqlType source, SqlType target) {
        TypeKind s = source.kind();
        TypeKind t = target.kind();
        return s == t || s == TypeKind.UNKNOWN || (s.isNumeric() && t.isNumeric()) || t == TypeKind.TEXT;
    }

    /** Whether an explicit {@code CAST} from {@code source} to {@code target} exists. */
    static boolean castable(SqlType source, SqlType target) {
        TypeKind s = source.kind();
        TypeKind t = target.kind();
        return s == t || s == TypeKind.UNKNOWN || s == TypeKind.TEXT || t == TypeKind.TEXT
                || (s.isNumeric() && t.isNumeric())
                || (s == TypeKind.INTEGER && t == TypeKind.BOOLEAN) || (s == TypeKind.BOOLEAN && t == TypeKind.INTEGER);
    }

    /** A cast of {@code expr} to {@code target}: nothing if it already has that type, a folded constant, or a CAST call. */
    static Expr cast(Expr expr, SqlType target) {
        if (expr.type().equals(target)) {
            return expr;
        }
        if (expr instanceof Expr.Constant(Object value, SqlType type)) {
            if (value == null) {
                return new Expr.Constant(null, target);
            }
            Optional<Object> folded = foldCast(value, type, target);
            if (folded.isPresent()) {
                return new Expr.Constant(folded.get(), target);
            }
        }
        return new Expr.Call(ScalarFunction.CAST, List.of(expr), target);
    }

    /** Folds a cast of a constant where the rules are simple; empty leaves it to the executor. */
    private static Optional<Object> foldCast(Object value, SqlType from, SqlType to) {
        TypeKind f = from.kind();
        TypeKind t = to.kind();
        if (f == TypeKind.UNKNOWN || f == TypeKind.TEXT) {
            return t == TypeKind.UNKNOWN ? Optional.of(value) : Optional.of(to.parse((String) value));
        }
        if (t == TypeKind.TEXT) {
            return Optional.of(to.coerceText(from.format(value)));
        }
        if (f.isNumeric() && t.isNumeric() && f != TypeKind.DOUBLE && t != TypeKind.DOUBLE) {
            BigDecimal decimal = value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue());
            return Optional.of(switch (t) {
                case INTEGER -> toInteger(decimal, "integer", Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
                case BIGINT -> toInteger(decimal, "bigint", Long.MIN_VALUE, Long.MAX_VALUE).longValue();
                case NUMERIC -> to.coerceNumeric(decimal);
                case DOUBLE, BOOLEAN, TEXT, DATE, UNKNOWN -> throw new IllegalStateException("not numeric: " + t);
            });
        }
        if (f.isNumeric() && t == TypeKind.DOUBLE) {
            return Optional.of(((Number) value).doubleValue());
        }
        return Optional.empty();
    }

    private static BigDecimal toInteger(BigDecimal value, String typeName, long min, long max) {
        BigDecimal rounded = value.setScale(0, RoundingMode.HALF_UP);
        if (rounded.compareTo(BigDecimal.valueOf(min)) < 0 || rounded.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, typeName + " out of range");
        }
        return rounded;
    }
}
