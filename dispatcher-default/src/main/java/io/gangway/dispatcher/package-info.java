/**
 * The default dispatcher: the QD↔QE protocol on Netty ({@link io.gangway.dispatcher.DispatchMessage}),
 * the segment-side {@link io.gangway.dispatcher.NettyDispatchServer}, and the coordinator-side
 * {@link io.gangway.dispatcher.DefaultDispatcher} with its gang manager and idle QE pool on Commons Pool 2.
 */
@NullMarked
package io.gangway.dispatcher;

import org.jspecify.annotations.NullMarked;
