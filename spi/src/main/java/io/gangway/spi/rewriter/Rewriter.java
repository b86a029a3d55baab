package io.gangway.spi.rewriter;

import io.gangway.spi.query.Query;

/**
 * Rewrites an analyzed query before planning, as PostgreSQL's rule system does. The default
 * rewriter replaces every {@link io.gangway.spi.query.RangeTableEntry.View} by a subquery holding
 * the view's own (analyzed and rewritten) query, recursively, so the result has no view entries
 * left; a rewriter of an extension may add rules of its own, but must leave no view entry behind
 * (the planner does not plan views) and must keep the query's result columns.
 *
 * <p>Made once per coordinator process by the {@link io.gangway.spi.ServiceFactory} the setting
 * {@code rewriter} names (default {@code default}); called on a QD session's thread once per
 * statement, after the analyzer, possibly from many sessions at once. Errors are
 * {@link io.gangway.api.SqlException}s: a view that refers to itself {@code 0A000} ("infinite
 * recursion detected in rules for relation"), a view whose definition no longer matches its
 * columns {@code 42809}.
 */
public interface Rewriter {
    Query rewrite(Query query, RewriterContext context);
}
