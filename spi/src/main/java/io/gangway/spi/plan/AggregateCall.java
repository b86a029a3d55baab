package io.gangway.spi.plan;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlType;
import io.gangway.spi.query.AggregateFunction;
import io.gangway.spi.query.Expr;
import java.util.List;

/**
 * One aggregate of an aggregate node. In a {@code SINGLE} or {@code PARTIAL} node the arguments
 * are over the node's input rows. In a {@code FINAL} node the single argument is an
 * {@link Expr.InputRef} to the first column of this aggregate's partial state in the input.
 *
 * <p>Partial states ({@link #partialTypes()}): {@code count} → one bigint; {@code sum}, {@code min},
 * {@code max} → one value of the result type; {@code avg} → a sum (numeric or double) and a bigint count.
 */
public record AggregateCall(AggregateFunction function, List<Expr> arguments, boolean distinct, SqlType resultType) {
    public AggregateCall {
        requireNonNull(function, "function is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        requireNonNull(resultType, "resultType is null");
    }

    public List<SqlType> partialTypes() {
        return switch (function) {
            case COUNT_STAR, COUNT -> List.of(SqlType.BIGINT);
            case SUM, MIN, MAX -> List.of(resultType);
            case AVG -> List.of(resultType.kind() == io.gangway.api.TypeKind.DOUBLE ? SqlType.DOUBLE : SqlType.NUMERIC,
                    SqlType.BIGINT);
        };
    }
}
