/**
 * The QE side of the default dispatcher: a segment's dispatch server, which checks each
 * connection's cluster secret and serves it as one QE session of the segment's
 * {@link io.gangway.spi.dispatch.QeService}.
 */
@NullMarked
package io.gangway.dispatcher.qe;

import org.jspecify.annotations.NullMarked;
