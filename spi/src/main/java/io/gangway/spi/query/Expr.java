package io.gangway.spi.query;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlType;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A typed, resolved expression: what the analyzer makes of a parse-tree expression, and what plan
 * nodes evaluate. In a query tree columns are {@link ColumnRef}s (range-table entry and column);
 * in a plan they are {@link InputRef}s (position in the operator's input row). An {@link Aggregate}
 * appears only in a query tree's target list and HAVING; plans carry aggregates in their aggregate node.
 */
public sealed interface Expr {
    SqlType type();

    /** Column {@code column} of range-table entry {@code rangeIndex} (both 0-based). */
    record ColumnRef(int rangeIndex, int column, String name, SqlType type) implements Expr {
        public ColumnRef {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    /** Column {@code index} of the plan node's input row (for a join: left columns, then right). */
    record InputRef(int index, SqlType type) implements Expr {
        public InputRef {
            requireNonNull(type, "type is null");
        }
    }

    /** A constant; a null {@code value} is SQL NULL of {@code type}. */
    record Constant(@Nullable Object value, SqlType type) implements Expr {
        public Constant {
            requireNonNull(type, "type is null");
            if (value != null && !type.kind().javaClass().isInstance(value)) {
                throw new IllegalArgumentException(
                        value.getClass().getSimpleName() + " is not a value of type " + type);
            }
        }
    }

    record Call(ScalarFunction function, List<Expr> arguments, SqlType type) implements Expr {
        public Call {
            requireNonNull(function, "function is null");
            arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
            requireNonNull(type, "type is null");
        }
    }

    /** {@code CASE WHEN conditions[i] THEN results[i] … ELSE otherwise END}. */
    record Case(List<Expr> conditions, List<Expr> results, Optional<Expr> otherwise, SqlType type) implements Expr {
        public Case {
            conditions = List.copyOf(requireNonNull(conditions, "conditions is null"));
            results = List.copyOf(requireNonNull(results, "results is null"));
            if (conditions.size() != results.size() || conditions.isEmpty()) {
                throw new IllegalArgumentException("one result per condition, at least one");
            }
            requireNonNull(otherwise, "otherwise is null");
            requireNonNull(type, "type is null");
        }
    }

    /** An aggregate call in a query tree: {@code count(*)}, {@code sum(DISTINCT x)}. */
    record Aggregate(AggregateFunction function, List<Expr> arguments, boolean distinct, SqlType type) implements Expr {
        public Aggregate {
            requireNonNull(function, "function is null");
            arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
            requireNonNull(type, "type is null");
        }
    }
}
