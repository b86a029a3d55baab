package io.gangway.spi.plan;

/** A sort key over a plan node's output: column position, direction, null placement. */
public record SortKey(int column, boolean ascending, boolean nullsFirst) {
}
