/**
 * The default dispatcher, on the coordinator: {@link io.gangway.dispatcher.DefaultDispatcher} and,
 * per QD session, its component databases, the QE connections it makes
 * ({@link io.gangway.dispatcher.PooledQeConnection}) and one
 * {@link io.gangway.dispatcher.DispatcherState} per dispatch, whose methods are Greenplum's standard
 * dispatch steps. The session's idle QE pool and gang manager come from configured factories and are
 * used through the SPI only (the defaults are in {@code .pool} and {@code .gang}); the wire format is
 * in {@code .protocol}, the segment's dispatch server in {@code .qe}.
 */
@NullMarked
package io.gangway.dispatcher;

import org.jspecify.annotations.NullMarked;
