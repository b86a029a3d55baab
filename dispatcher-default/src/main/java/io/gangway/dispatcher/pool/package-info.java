/**
 * The idle QE pools of the default dispatcher, each made per QD session by its
 * {@link io.gangway.spi.dispatch.IdleQePoolFactory} and used through the SPI only:
 * {@code commons} (Commons Pool 2, Greenplum's recycle rules, split into writer slots, concurrent
 * connecting, a pure recycle policy and counters) and {@code none} (no QE outlives its gang).
 */
@NullMarked
package io.gangway.dispatcher.pool;

import org.jspecify.annotations.NullMarked;
