package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] name (columns) [USING engine] [WITH (k = v, …)]
 * [DISTRIBUTED BY (…) | DISTRIBUTED RANDOMLY | DISTRIBUTED REPLICATED]}. Absent clauses are empty:
 * the engine applies the defaults (first hashable column; {@code default_table_access_method}).
 */
public record CreateTable(
        QualifiedName name,
        List<ColumnDefinition> columns,
        Optional<DistributedBy> distributedBy,
        Optional<String> using,
        Map<String, String> with,
        boolean ifNotExists) implements Statement {
    public CreateTable {
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(distributedBy, "distributedBy is null");
        requireNonNull(using, "using is null");
        with = Map.copyOf(requireNonNull(with, "with is null"));
    }
}
