package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code DROP TABLE [IF EXISTS] name [, …]}. */
public record DropTable(List<QualifiedName> names, boolean ifExists) implements Statement {
    public DropTable {
        names = List.copyOf(requireNonNull(names, "names is null"));
    }
}
