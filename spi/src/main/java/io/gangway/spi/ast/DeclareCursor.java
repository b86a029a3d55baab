package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

/**
 * {@code DECLARE name [NO SCROLL] CURSOR [WITH HOLD | WITHOUT HOLD] FOR query}: a cursor the client
 * then reads with {@link FetchCursor}. A cursor {@code WITH HOLD} outlives its transaction.
 */
public record DeclareCursor(String name, Query query, boolean withHold, int position) implements Statement, Node {
    public DeclareCursor {
        requireNonNull(name, "name is null");
        requireNonNull(query, "query is null");
    }
}
