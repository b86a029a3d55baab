/**
 * The QE: the segment session that runs the slices and utility commands a dispatcher sends it.
 */
@NullMarked
package io.gangway.engine.qe;

import org.jspecify.annotations.NullMarked;
