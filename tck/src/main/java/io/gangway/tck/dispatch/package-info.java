/**
 * The dispatcher contract: {@link io.gangway.tck.dispatch.DispatcherContractTest} and
 * {@link io.gangway.tck.dispatch.GangManagerContractTest}, run against fake segments
 * ({@link io.gangway.tck.dispatch.FakeCluster}) behind the implementation's own dispatch servers.
 */
@NullMarked
package io.gangway.tck.dispatch;

import org.jspecify.annotations.NullMarked;
