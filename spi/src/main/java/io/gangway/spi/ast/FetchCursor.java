package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * {@code FETCH [NEXT | FORWARD [n | ALL] | n | ALL] [FROM | IN] name}: the next rows of a cursor;
 * {@code count} is empty for ALL ({@code NEXT} and a bare FETCH mean 1).
 */
public record FetchCursor(String name, OptionalLong count, int position) implements Statement, Node {
    public FetchCursor {
        requireNonNull(name, "name is null");
        requireNonNull(count, "count is null");
    }
}
