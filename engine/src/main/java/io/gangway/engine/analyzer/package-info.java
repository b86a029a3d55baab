/**
 * The default {@link io.gangway.spi.analyzer.Analyzer}: name resolution, typing, implicit casts and
 * grouping checks, from parse tree to query tree.
 */
@NullMarked
package io.gangway.engine.analyzer;

import org.jspecify.annotations.NullMarked;
