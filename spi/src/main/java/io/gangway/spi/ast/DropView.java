package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code DROP VIEW [IF EXISTS] name [, …]}. */
public record DropView(List<QualifiedName> names, boolean ifExists) implements Statement {
    public DropView {
        names = List.copyOf(requireNonNull(names, "names is null"));
    }
}
