/**
 * A process's configuration files: {@code gangway.conf} settings and the list of segments.
 */
@NullMarked
package io.gangway.server.config;

import org.jspecify.annotations.NullMarked;
