package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

/** {@code SHOW name} ({@code SHOW ALL} has the name {@code all}). */
public record ShowVariable(String name) implements Statement {
    public ShowVariable {
        requireNonNull(name, "name is null");
    }
}
