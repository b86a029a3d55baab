/** The interconnect SPI: motion streams between slices in different processes. */
@NullMarked
@Experimental("the interconnect SPI is being reshaped around interconnect-support (issue 7)")
package io.gangway.spi.interconnect;

import io.gangway.api.annotations.Experimental;
import org.jspecify.annotations.NullMarked;
