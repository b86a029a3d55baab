/**
 * The default gang manager: gangs for a statement's slices out of a session's
 * {@link io.gangway.spi.dispatch.IdleQePool}, used through the SPI only.
 */
@NullMarked
package io.gangway.dispatcher.gang;

import org.jspecify.annotations.NullMarked;
