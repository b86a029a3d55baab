package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * {@code expression [ASC | DESC] [NULLS FIRST | LAST]}; an integer literal names an output column
 * by ordinal. Without NULLS, PostgreSQL's default holds: nulls last ascending, first descending.
 */
public record SortItem(Expression expression, boolean ascending, Optional<Boolean> nullsFirst) {
    public SortItem {
        requireNonNull(expression, "expression is null");
        requireNonNull(nullsFirst, "nullsFirst is null");
    }
}
