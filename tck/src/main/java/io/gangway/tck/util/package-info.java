/** Helpers every contract of the kit and every implementation's tests share: one {@link io.gangway.tck.util.Await}. */
@NullMarked
package io.gangway.tck.util;

import org.jspecify.annotations.NullMarked;
