package io.gangway.spi.catalog;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Column;
import java.util.List;

/**
 * A view: its output columns and its defining query's text ({@code pg_views.definition}). The
 * rewriter replaces a reference to the view with that query.
 */
public record ViewDescriptor(long id, String schema, String name, List<Column> columns, String queryText) {
    public ViewDescriptor {
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(queryText, "queryText is null");
    }
}
