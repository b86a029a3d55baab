/** Checks an extension's setting declarations against the settings its configuration reads. */
@NullMarked
package io.gangway.tck.settings;

import org.jspecify.annotations.NullMarked;
