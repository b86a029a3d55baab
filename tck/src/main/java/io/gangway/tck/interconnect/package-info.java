/**
 * The interconnect contract: {@link io.gangway.tck.interconnect.InterconnectContractTest}, which
 * every interconnect implementation's tests extend.
 */
@NullMarked
package io.gangway.tck.interconnect;

import org.jspecify.annotations.NullMarked;
