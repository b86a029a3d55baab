package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

/** A query as a statement of its own: {@code SELECT …}, {@code VALUES …}. */
public record QueryStatement(Query query) implements Statement {
    public QueryStatement {
        requireNonNull(query, "query is null");
    }
}
