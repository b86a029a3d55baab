package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

/** A column of {@code CREATE TABLE}: {@code name type [NOT NULL]}. */
public record ColumnDefinition(String name, TypeName type, boolean notNull, int position) implements Node {
    public ColumnDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
