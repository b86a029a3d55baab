/**
 * The default {@link io.gangway.spi.rewriter.Rewriter}: view expansion.
 */
@NullMarked
package io.gangway.engine.rewriter;

import org.jspecify.annotations.NullMarked;
