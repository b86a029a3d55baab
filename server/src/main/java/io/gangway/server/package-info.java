/**
 * The assembled server's command line ({@code gangway demo}, coordinator and segment processes) and
 * the demo's sample data.
 */
@NullMarked
package io.gangway.server;

import org.jspecify.annotations.NullMarked;
