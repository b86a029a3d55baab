package io.gangway.spi.query;

/** An ORDER BY key: a target entry by index, direction and null placement (resolved to PostgreSQL's default). */
public record SortClause(int targetIndex, boolean ascending, boolean nullsFirst) {
}
