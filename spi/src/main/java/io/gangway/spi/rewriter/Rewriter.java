package io.gangway.spi.rewriter;

import io.gangway.spi.catalog.CatalogView;
import io.gangway.spi.query.Query;

/**
 * Rewrites an analyzed query before planning, as PostgreSQL's rule system does: every
 * {@link io.gangway.spi.query.RangeTableEntry.View} is replaced by a subquery holding the view's
 * own (analyzed and rewritten) query, recursively. The result has no view entries left.
 *
 * <p>Called on the QD session's thread once per statement, after the analyzer.
 */
public interface Rewriter {
    Query rewrite(Query query, CatalogView catalog);
}
