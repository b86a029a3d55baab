package io.gangway.dispatcher;

import io.gangway.dispatcher.pool.NoIdleQePoolFactory;
import io.gangway.spi.dispatch.IdleQePoolFactory;
import io.gangway.tck.dispatch.TestingDispatcherBehavior;

/**
 * The same contract on the pool that keeps no QE ({@code gp_idle_qe_pool = none}): it declares no
 * reuse (nor, with it, idle cleanup), and the contract checks that every QE closes at recycle.
 */
class NoIdleQePoolGangManagerContractTest extends DefaultGangManagerContractTest {
    @Override
    protected IdleQePoolFactory createIdleQePoolFactory() {
        return new NoIdleQePoolFactory();
    }

    @Override
    protected boolean hasBehavior(TestingDispatcherBehavior behavior) {
        return switch (behavior) {
            case SUPPORTS_QE_REUSE, SUPPORTS_IDLE_CLEANUP -> false;
            default -> true;
        };
    }
}
