package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * An expression as written. Every node knows its position in the statement text so that the
 * analyzer can point at it ({@code column "x" does not exist} at character 8).
 */
public sealed interface Expression extends Node {
    enum BinaryOperator {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%"),
        EQUAL("="), NOT_EQUAL("<>"), LESS("<"), LESS_EQUAL("<="), GREATER(">"), GREATER_EQUAL(">="),
        AND("AND"), OR("OR"), CONCAT("||");

        private final String symbol;

        BinaryOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    enum UnaryOperator { NEGATE, PLUS, NOT }

    /** An unsigned numeric literal as written: {@code 42}, {@code 4.50}, {@code 1e3}. */
    record NumberLiteral(String text, int position) implements Expression {
        public NumberLiteral {
            requireNonNull(text, "text is null");
        }
    }

    /** A quoted string, escapes already resolved. Its type comes from context (PostgreSQL's {@code unknown}). */
    record StringLiteral(String value, int position) implements Expression {
        public StringLiteral {
            requireNonNull(value, "value is null");
        }
    }

    record BooleanLiteral(boolean value, int position) implements Expression {
    }

    record NullLiteral(int position) implements Expression {
    }

    /** {@code type 'text'}: {@code DATE '1998-12-01'}, {@code INTERVAL '3' MONTH} (unit kept in {@code qualifier}). */
    record TypedLiteral(TypeName type, String value, Optional<String> qualifier, int position) implements Expression {
        public TypedLiteral {
            requireNonNull(type, "type is null");
            requireNonNull(value, "value is null");
            requireNonNull(qualifier, "qualifier is null");
        }
    }

    /** A column name, possibly qualified: {@code a}, {@code t.a}. Parts are case-folded. */
    record ColumnReference(List<String> parts, int position) implements Expression {
        public ColumnReference {
            parts = List.copyOf(requireNonNull(parts, "parts is null"));
        }

        public String name() {
            return parts.getLast();
        }
    }

    /** A bind parameter {@code $n} (1-based), filled in before analysis. */
    record Parameter(int index, int position) implements Expression {
    }

    record Binary(BinaryOperator operator, Expression left, Expression right, int position) implements Expression {
        public Binary {
            requireNonNull(operator, "operator is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }
    }

    record Unary(UnaryOperator operator, Expression operand, int position) implements Expression {
        public Unary {
            requireNonNull(operator, "operator is null");
            requireNonNull(operand, "operand is null");
        }
    }

    /**
     * {@code name([DISTINCT] args)}, or {@code name(*)} with {@code star} set ({@code count(*)}).
     * Aggregates and scalar functions look alike here; the analyzer tells them apart.
     */
    record FunctionCall(QualifiedName name, List<Expression> arguments, boolean distinct, boolean star, int position)
            implements Expression {
        public FunctionCall {
            requireNonNull(name, "name is null");
            arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        }
    }

    /** {@code CAST(x AS type)} or {@code x::type}. */
    record Cast(Expression operand, TypeName type, int position) implements Expression {
        public Cast {
            requireNonNull(operand, "operand is null");
            requireNonNull(type, "type is null");
        }
    }

    /** {@code x IS [NOT] NULL}. */
    record IsNull(Expression operand, boolean negated, int position) implements Expression {
        public IsNull {
            requireNonNull(operand, "operand is null");
        }
    }

    /** {@code x [NOT] BETWEEN low AND high}. */
    record Between(Expression value, Expression low, Expression high, boolean negated, int position)
            implements Expression {
        public Between {
            requireNonNull(value, "value is null");
            requireNonNull(low, "low is null");
            requireNonNull(high, "high is null");
        }
    }

    /** {@code x [NOT] IN (a, b, …)}. */
    record InList(Expression value, List<Expression> list, boolean negated, int position) implements Expression {
        public InList {
            requireNonNull(value, "value is null");
            list = List.copyOf(requireNonNull(list, "list is null"));
        }
    }

    /** {@code x [NOT] LIKE pattern} ({@code ILIKE} sets {@code caseInsensitive}). */
    record Like(Expression value, Expression pattern, boolean negated, boolean caseInsensitive, int position)
            implements Expression {
        public Like {
            requireNonNull(value, "value is null");
            requireNonNull(pattern, "pattern is null");
        }
    }

    /** {@code CASE [operand] WHEN … THEN … [ELSE …] END}. */
    record Case(Optional<Expression> operand, List<WhenClause> whens, Optional<Expression> otherwise, int position)
            implements Expression {
        public Case {
            requireNonNull(operand, "operand is null");
            whens = List.copyOf(requireNonNull(whens, "whens is null"));
            requireNonNull(otherwise, "otherwise is null");
        }
    }

    record WhenClause(Expression condition, Expression result) {
        public WhenClause {
            requireNonNull(condition, "condition is null");
            requireNonNull(result, "result is null");
        }
    }

    /** {@code EXTRACT(field FROM source)}; the field is lower-cased ({@code year}). */
    record Extract(String field, Expression source, int position) implements Expression {
        public Extract {
            requireNonNull(field, "field is null");
            requireNonNull(source, "source is null");
        }
    }

    /** {@code (SELECT …)} used as a value. */
    record ScalarSubquery(Query query, int position) implements Expression {
        public ScalarSubquery {
            requireNonNull(query, "query is null");
        }
    }

    /** {@code [NOT] EXISTS (SELECT …)}. */
    record Exists(Query query, boolean negated, int position) implements Expression {
        public Exists {
            requireNonNull(query, "query is null");
        }
    }

    /** {@code x [NOT] IN (SELECT …)}. */
    record InSubquery(Expression value, Query query, boolean negated, int position) implements Expression {
        public InSubquery {
            requireNonNull(value, "value is null");
            requireNonNull(query, "query is null");
        }
    }
}
