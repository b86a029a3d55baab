/** The analyzer contract: an implementation's test extends it and supplies the analyzer. */
@NullMarked
package io.gangway.tck.analyzer;

import org.jspecify.annotations.NullMarked;
