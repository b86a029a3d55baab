/** The rewriter SPI: query tree to query tree (view expansion). */
@NullMarked
@Experimental("the rewriter is becoming a factory chosen by name, with a context of its own (issue 7)")
package io.gangway.spi.rewriter;

import io.gangway.api.annotations.Experimental;
import org.jspecify.annotations.NullMarked;
