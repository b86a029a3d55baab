/**
 * The analyzer SPI: parse tree to query tree. The {@link io.gangway.spi.analyzer.Analyzer} the
 * setting {@code analyzer} names (default {@code default}) is made once per coordinator process.
 */
@NullMarked
package io.gangway.spi.analyzer;

import org.jspecify.annotations.NullMarked;
