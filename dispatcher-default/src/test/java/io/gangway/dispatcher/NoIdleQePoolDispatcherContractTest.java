package io.gangway.dispatcher;

import io.gangway.dispatcher.gang.DefaultGangManagerFactory;
import io.gangway.dispatcher.pool.NoIdleQePoolFactory;
import io.gangway.spi.dispatch.QeManagement;
import io.gangway.tck.dispatch.TestingDispatcherBehavior;
import java.util.Optional;

/** The whole dispatcher contract with every session on the pool that keeps no QE ({@code gp_idle_qe_pool = none}). */
class NoIdleQePoolDispatcherContractTest extends DefaultDispatcherContractTest {
    @Override
    protected Optional<QeManagement> qeManagement() {
        return Optional.of(new QeManagement(new NoIdleQePoolFactory(), new DefaultGangManagerFactory()));
    }

    @Override
    protected boolean hasBehavior(TestingDispatcherBehavior behavior) {
        return switch (behavior) {
            case SUPPORTS_QE_REUSE, SUPPORTS_IDLE_CLEANUP -> false;
            default -> true;
        };
    }
}
