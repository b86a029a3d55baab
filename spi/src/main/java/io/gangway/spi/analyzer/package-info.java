/** The analyzer SPI: parse tree to query tree. */
@NullMarked
package io.gangway.spi.analyzer;

import org.jspecify.annotations.NullMarked;
