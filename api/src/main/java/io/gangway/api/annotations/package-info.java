/**
 * Annotations that state how far a part of the API may be relied on; see
 * {@link io.gangway.api.annotations.Experimental}.
 */
@NullMarked
package io.gangway.api.annotations;

import org.jspecify.annotations.NullMarked;
