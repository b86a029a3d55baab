/** The QD session as client protocols see it. */
@NullMarked
package io.gangway.engine.session;

import org.jspecify.annotations.NullMarked;
