/**
 * The dispatcher contract: {@link io.gangway.tck.dispatch.DispatcherContractTest} and
 * {@link io.gangway.tck.dispatch.GangManagerContractTest}, run against fake segments
 * ({@link io.gangway.tck.dispatch.FakeCluster}) behind the implementation's own dispatch servers.
 * Both reach the implementation through SPI interfaces only: a pool or gang manager under test is
 * given as its factories and sessions are opened with them
 * ({@link io.gangway.spi.dispatch.QeManagement}). Optional behaviour is declared with
 * {@link io.gangway.tck.dispatch.TestingDispatcherBehavior} and {@code hasBehavior} (all on by
 * default, checked for consistency when the test is constructed); a test either exercises a
 * behaviour or checks the SPI's standard answer without it.
 */
@NullMarked
package io.gangway.tck.dispatch;

import org.jspecify.annotations.NullMarked;
