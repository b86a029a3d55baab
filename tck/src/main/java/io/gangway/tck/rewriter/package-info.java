/** The rewriter contract: an implementation's test extends it and supplies the rewriter. */
@NullMarked
package io.gangway.tck.rewriter;

import org.jspecify.annotations.NullMarked;
