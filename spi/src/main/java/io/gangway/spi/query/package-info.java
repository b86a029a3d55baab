/**
 * The query tree: statements after analysis (names resolved, expressions typed), as the rewriter
 * and planner see them. {@link io.gangway.spi.query.Expr} is shared with the plan tree.
 */
@NullMarked
package io.gangway.spi.query;

import org.jspecify.annotations.NullMarked;
