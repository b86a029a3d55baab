package io.gangway.engine.exec.expr;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Batch;
import io.gangway.api.ColumnVector;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The kinds of compiled expression nodes: generic loops over vectors that the compiler configures. */
final class ExprNodes {
    private ExprNodes() {
    }

    /** Column {@code index} of the input batch. */
    record Input(int index, SqlType type) implements CompiledExpr {
        @Override
        public ColumnVector evaluate(Batch input) {
            if (index < 0 || index >= input.columnCount()) {
                throw new SqlException(SqlState.INTERNAL_ERROR,
                        "input column " + index + " out of range (" + input.columnCount() + " columns)");
            }
            return input.column(index);
        }
    }

    record Constant(Object value, SqlType type) implements CompiledExpr {
        @Override
        public ColumnVector evaluate(Batch input) {
            return ColumnVector.constant(type, value, input.rowCount());
        }
    }

    /** A strict function of one argument: NULL in, NULL out. */
    record Unary(CompiledExpr argument, UnaryOperator<Object> function, SqlType type) implements CompiledExpr {
        @Override
        public ColumnVector evaluate(Batch input) {
            ColumnVector a = argument.evaluate(input);
            int n = input.rowCount();
            Object[] out = new Object[n];
            for (int i = 0; i < n; i++) {
                Object v = a.get(i);
                out[i] = v == null ? null : function.apply(v);
            }
            return new ColumnVector(type, out, n);
        }
    }

    /** A strict function of two arguments: NULL if either is NULL. */
    record Binary(CompiledExpr left, CompiledExpr right, BinaryOperator<Object> function, SqlType type)
            implements CompiledExpr {
        @Override
        public ColumnVector evaluate(Batch input) {
            ColumnVector a = left.evaluate(input);
            ColumnVector b = right.evaluate(input);
            int n = input.rowCount();
            Object[] out = new Object[n];
            for (int i = 0; i < n; i++) {
                Object x = a.get(i);
                Object y = b.get(i);
                out[i] = x == null || y == null ? null : function.apply(x, y);
            }
            return new ColumnVector(type, out, n);
        }
    }

    /** A strict function of any number of arguments: NULL if any is NULL. */
    record Strict(List<CompiledExpr> arguments, Function<Object[], Object> function, SqlType type)
            implements CompiledExpr {
        @Override
        public ColumnVector evaluate(Batch input) {
            int n = input.rowCount();
            ColumnVector[] args = new ColumnVector[arguments.size()];
            for (int a = 0; a < args.length; a++) {
                args[a] = arguments.get(a).evaluate(input);
            }
            Object[] out = new Object[n];
            rows:
            for (int i = 0; i < n; i++) {
                Object[] values = new Object[args.length];
                for (int a = 0; a < args.length; a++) {
                    values[a] = args[a].get(i);
                    if (values[a] == null) {
                        continue rows;
                    }
                }
                out[i] = function.apply(values);
            }
            return new ColumnVector(type, out, n);
        }
    }

    /**
     * {@code left AND right} / {@code left OR right} in three-valued logic. The right side is
     * evaluated only on rows the left side does not decide (as PostgreSQL stops at a false AND
     * operand), so {@code x <> 0 AND 1 / x > 0} never divides by zero.
     */
    record Logical(CompiledExpr left, CompiledExpr right, boolean isAnd) implements CompiledExpr {
        @Override
        public SqlType type() {
            return SqlType.BOOLEAN;
        }

        @Override
        public ColumnVector evaluate(Batch input) {
            ColumnVector l = left.evaluate(input);
            int n = input.rowCount();
            Boolean decisive = !isAnd; // FALSE decides an AND, TRUE an OR
            int[] undecided = new int[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (!decisive.equals(l.get(i))) {
                    undecided[count++] = i;
                }
            }
            Object[] out = new Object[n];
            for (int i = 0; i < n; i++) {
                out[i] = l.get(i);
            }
            if (count > 0) {
                ColumnVector r = evaluateOn(right, input, undecided, count);
                for (int k = 0; k < count; k++) {
                    int i = undecided[k];
                    Object rv = r.get(k);
                    if (decisive.equals(rv)) {
                        out[i] = decisive;
                    } else if (l.get(i) == null || rv == null) {
                        out[i] = null;
                    } else {
                        out[i] = !decisive;
                    }
                }
            }
            return new ColumnVector(SqlType.BOOLEAN, out, n);
        }
    }

    /** {@code IS NULL} / {@code IS NOT NULL}: never NULL. */
    record NullTest(CompiledExpr argument, boolean negated) implements CompiledExpr {
        @Override
        public SqlType type() {
            return SqlType.BOOLEAN;
        }

        @Override
        public ColumnVector evaluate(Batch input) {
            ColumnVector a = argument.evaluate(input);
            int n = input.rowCount();
            Object[] out = new Object[n];
            for (int i = 0; i < n; i++) {
                out[i] = a.isNull(i) != negated;
            }
            return new ColumnVector(SqlType.BOOLEAN, out, n);
        }
    }

    /** {@code CASE WHEN … THEN … ELSE … END}: each branch is evaluated only on the rows that reach it. */
    record Case(List<CompiledExpr> conditions, List<CompiledExpr> results, Optional<CompiledExpr> otherwise,
            SqlType type) implements CompiledExpr {
        Case {
            requireNonNull(otherwise, "otherwise is null");
        }

        @Override
        public ColumnVector evaluate(Batch input) {
            int n = input.rowCount();
            Object[] out = new Object[n];
            int[] remaining = identity(n);
            int count = n;
            for (int c = 0; c < conditions.size() && count > 0; c++) {
                ColumnVector cond = evaluateOn(conditions.get(c), input, remaining, count);
                int[] hit = new int[count];
                int hits = 0;
                int[] miss = new int[count];
                int misses = 0;
                for (int k = 0; k < count; k++) {
                    if (Boolean.TRUE.equals(cond.get(k))) {
                        hit[hits++] = remaining[k];
                    } else {
                        miss[misses++] = remaining[k];
                    }
                }
                if (hits > 0) {
                    ColumnVector values = evaluateOn(results.get(c), input, hit, hits);
                    for (int k = 0; k < hits; k++) {
                        out[hit[k]] = values.get(k);
                    }
                }
                remaining = miss;
                count = misses;
            }
            if (count > 0 && otherwise.isPresent()) {
                ColumnVector values = evaluateOn(otherwise.get(), input, remaining, count);
                for (int k = 0; k < count; k++) {
                    out[remaining[k]] = values.get(k);
                }
            }
            return new ColumnVector(type, out, n);
        }
    }

    /** {@code COALESCE(a, b, …)}: later arguments are evaluated only on rows still NULL. */
    record Coalesce(List<CompiledExpr> arguments, SqlType type) implements CompiledExpr {
        @Override
        public ColumnVector evaluate(Batch input) {
            int n = input.rowCount();
            Object[] out = new Object[n];
            int[] remaining = identity(n);
            int count = n;
            for (int a = 0; a < arguments.size() && count > 0; a++) {
                ColumnVector values = evaluateOn(arguments.get(a), input, remaining, count);
                int still = 0;
                for (int k = 0; k < count; k++) {
                    Object v = values.get(k);
                    if (v == null) {
                        remaining[still++] = remaining[k];
                    } else {
                        out[remaining[k]] = v;
                    }
                }
                count = still;
            }
            return new ColumnVector(type, out, n);
        }
    }

    /** {@code NULLIF(a, b)}: NULL where {@code a = b}, else {@code a}. */
    record NullIf(CompiledExpr left, CompiledExpr right, SqlType type) implements CompiledExpr {
        @Override
        public ColumnVector evaluate(Batch input) {
            ColumnVector a = left.evaluate(input);
            ColumnVector b = right.evaluate(input);
            int n = input.rowCount();
            Object[] out = new Object[n];
            for (int i = 0; i < n; i++) {
                Object x = a.get(i);
                Object y = b.get(i);
                out[i] = x != null && y != null && Values.equal(x, y) ? null : x;
            }
            return new ColumnVector(type, out, n);
        }
    }

    /** Evaluates {@code expr} on the rows at {@code positions} of {@code input}: a vector of {@code count} rows. */
    static ColumnVector evaluateOn(CompiledExpr expr, Batch input, int[] positions, int count) {
        if (count == input.rowCount() && isIdentity(positions, count)) {
            return expr.evaluate(input);
        }
        return expr.evaluate(input.select(positions, count));
    }

    private static boolean isIdentity(int[] positions, int count) {
        for (int i = 0; i < count; i++) {
            if (positions[i] != i) {
                return false;
            }
        }
        return true;
    }

    static int[] identity(int n) {
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i;
        }
        return positions;
    }
}
