package io.gangway.spi.query;

import static java.util.Objects.requireNonNull;

/**
 * An output column of a query. A {@code junk} entry is computed only for sorting (an ORDER BY
 * expression not in the select list) and is not returned to the client.
 */
public record TargetEntry(Expr expression, String name, boolean junk) {
    public TargetEntry {
        requireNonNull(expression, "expression is null");
        requireNonNull(name, "name is null");
    }
}
