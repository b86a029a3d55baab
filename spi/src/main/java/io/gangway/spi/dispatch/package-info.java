/**
 * The dispatch SPI: the QD's dispatcher, gangs and idle QE pool on the coordinator side, and the
 * QE service and dispatch server on the segment side, with the requests and results between them.
 */
@NullMarked
package io.gangway.spi.dispatch;

import org.jspecify.annotations.NullMarked;
