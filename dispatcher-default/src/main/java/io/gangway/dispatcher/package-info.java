/**
 * The default dispatcher: the QD↔QE protocol on Netty ({@link io.gangway.dispatcher.DispatchMessage}),
 * the segment-side {@link io.gangway.dispatcher.NettyDispatchServer}, and the coordinator-side
 * {@link io.gangway.dispatcher.DefaultDispatcher}: per QD session its component databases
 * ({@link io.gangway.dispatcher.ComponentDatabases}), gang manager, idle QE pool on Commons Pool 2
 * ({@link io.gangway.dispatcher.CommonsIdleQePool}) and one
 * {@link io.gangway.dispatcher.DispatcherState} per dispatch, whose methods are Greenplum's
 * standard dispatch steps.
 */
@NullMarked
package io.gangway.dispatcher;

import org.jspecify.annotations.NullMarked;
