/** The rewriter SPI: query tree to query tree (view expansion). */
@NullMarked
package io.gangway.spi.rewriter;

import org.jspecify.annotations.NullMarked;
