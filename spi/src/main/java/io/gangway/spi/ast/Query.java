package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** A query: a body ({@code SELECT …} or {@code VALUES …}) with optional ORDER BY, LIMIT and OFFSET. */
public record Query(QueryBody body, List<SortItem> orderBy, Optional<Expression> limit, Optional<Expression> offset) {
    public Query {
        requireNonNull(body, "body is null");
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        requireNonNull(limit, "limit is null");
        requireNonNull(offset, "offset is null");
    }

    public static Query of(QueryBody body) {
        return new Query(body, List.of(), Optional.empty(), Optional.empty());
    }
}
