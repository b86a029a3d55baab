/**
 * The QD: the coordinator session serving one client connection, from statement text to rows, with
 * its cursors, utility commands and results.
 */
@NullMarked
package io.gangway.engine.qd;

import org.jspecify.annotations.NullMarked;
