/**
 * A cluster on one machine: its data-directory layout and its coordinator and segment processes,
 * started and restarted as children.
 */
@NullMarked
package io.gangway.server.cluster;

import org.jspecify.annotations.NullMarked;
