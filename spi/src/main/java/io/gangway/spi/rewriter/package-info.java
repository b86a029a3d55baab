/**
 * The rewriter SPI: query tree to query tree (view expansion and any rules an extension adds),
 * between the analyzer and the planner. A {@link io.gangway.spi.rewriter.Rewriter} gets what it
 * needs of the session (catalog, view definitions) through {@link io.gangway.spi.rewriter.RewriterContext}.
 */
@NullMarked
package io.gangway.spi.rewriter;

import org.jspecify.annotations.NullMarked;
