/**
 * The analyzer SPI: parse tree to query tree. The {@link io.gangway.spi.analyzer.Analyzer} the
 * setting {@code analyzer} names (default {@code default}) is made once per coordinator process.
 */
@NullMarked
@Experimental("the analyzer is becoming a factory chosen by name (issue 7)")
package io.gangway.spi.analyzer;

import io.gangway.api.annotations.Experimental;
import org.jspecify.annotations.NullMarked;
