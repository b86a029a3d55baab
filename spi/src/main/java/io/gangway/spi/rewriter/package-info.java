/**
 * The rewriter SPI: query tree to query tree (view expansion and any rules an extension adds),
 * between the analyzer and the planner. A {@link io.gangway.spi.rewriter.Rewriter} gets what it
 * needs of the session (catalog, view definitions) through {@link io.gangway.spi.rewriter.RewriterContext}.
 */
@NullMarked
@Experimental("the rewriter is becoming a factory chosen by name, with a context of its own (issue 7)")
package io.gangway.spi.rewriter;

import io.gangway.api.annotations.Experimental;
import org.jspecify.annotations.NullMarked;
