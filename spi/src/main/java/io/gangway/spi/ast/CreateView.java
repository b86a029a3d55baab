package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code CREATE [OR REPLACE] VIEW name [(columns)] AS query}. {@code queryText} is the query's own
 * text as written (what the catalog stores and {@code pg_views} shows).
 */
public record CreateView(QualifiedName name, List<String> columnNames, Query query, String queryText, boolean orReplace)
        implements Statement {
    public CreateView {
        requireNonNull(name, "name is null");
        columnNames = List.copyOf(requireNonNull(columnNames, "columnNames is null"));
        requireNonNull(query, "query is null");
        requireNonNull(queryText, "queryText is null");
    }
}
