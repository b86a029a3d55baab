package io.gangway.tck.analyzer;

import io.gangway.tck.Behavior;

/** Optional analyzer behaviour ({@link AnalyzerContractTest#hasBehavior}); all on by default. */
public enum AnalyzerBehavior implements Behavior {
    /** GROUP BY and aggregates, with the ungrouped-column check ({@code 42803}). */
    SUPPORTS_GROUPING,
    /** Bind parameters ({@code $n}) become constants of their types once bound. */
    SUPPORTS_PARAMETERS,
    /** {@code INSERT}: a target list with one entry per table column, cast to its type. */
    SUPPORTS_INSERT
}
