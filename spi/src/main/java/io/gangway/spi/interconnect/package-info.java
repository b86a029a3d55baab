/** The interconnect SPI: motion streams between slices in different processes. */
@NullMarked
package io.gangway.spi.interconnect;

import org.jspecify.annotations.NullMarked;
