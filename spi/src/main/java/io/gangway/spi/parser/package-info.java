/** The parser SPI: SQL text to {@link io.gangway.spi.ast parse trees}. */
@NullMarked
package io.gangway.spi.parser;

import org.jspecify.annotations.NullMarked;
