package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code INSERT INTO table [(columns)] query}, where the query is a {@code VALUES} list or a
 * {@code SELECT}. An empty column list means all columns in table order.
 */
public record Insert(QualifiedName table, List<String> columns, Query source) implements Statement {
    public Insert {
        requireNonNull(table, "table is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(source, "source is null");
    }
}
