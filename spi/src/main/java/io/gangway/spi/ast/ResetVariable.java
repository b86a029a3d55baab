package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

/** {@code RESET name} ({@code RESET ALL} has the name {@code all}). */
public record ResetVariable(String name) implements Statement {
    public ResetVariable {
        requireNonNull(name, "name is null");
    }
}
