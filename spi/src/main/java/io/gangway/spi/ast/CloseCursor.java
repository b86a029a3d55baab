package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** {@code CLOSE name} or {@code CLOSE ALL} (name empty). */
public record CloseCursor(Optional<String> name, int position) implements Statement, Node {
    public CloseCursor {
        requireNonNull(name, "name is null");
    }
}
