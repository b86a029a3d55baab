/**
 * The dispatch SPI: the QD's dispatcher, gangs and idle QE pool on the coordinator side, and the
 * QE service and dispatch server on the segment side, with the requests and results between them.
 */
@NullMarked
@Experimental("the dispatch SPI is being reshaped (gang manager and idle-QE pool behind interfaces, issue 7)")
package io.gangway.spi.dispatch;

import io.gangway.api.annotations.Experimental;
import org.jspecify.annotations.NullMarked;
