package io.gangway.dispatcher;

import io.gangway.dispatcher.gang.DefaultGangManager;
import io.gangway.dispatcher.pool.CommonsIdleQePoolFactory;
import io.gangway.spi.dispatch.DispatchOptions;
import io.gangway.spi.dispatch.DispatchStats;
import io.gangway.spi.dispatch.Gang;
import io.gangway.spi.dispatch.GangManager;
import io.gangway.spi.dispatch.GangManagerFactory;
import io.gangway.spi.dispatch.IdleQePool;
import io.gangway.spi.dispatch.IdleQePoolFactory;
import io.gangway.spi.dispatch.QeConnection;
import io.gangway.spi.dispatch.QeRole;
import io.gangway.spi.plan.GangType;
import io.gangway.tck.dispatch.TestingDispatcherBehavior;
import java.util.List;

/**
 * The gang manager and pool contract against a pool and a gang manager that implement only the
 * SPI's first methods (every newer one left to its {@code default}), every optional behaviour
 * declared missing but reuse (the pool's own, not the SPI's): proves that growing
 * {@link IdleQePool} and {@link GangManager} by defaults keeps an older implementation working.
 */
class SpiDefaultsGangManagerContractTest extends DefaultGangManagerContractTest {
    @Override
    protected IdleQePoolFactory createIdleQePoolFactory() {
        IdleQePoolFactory commons = new CommonsIdleQePoolFactory(DispatcherConfig.DEFAULT);
        return context -> new MinimalPool(commons.open(context));
    }

    @Override
    protected GangManagerFactory createGangManagerFactory() {
        return pool -> new MinimalGangManager(new DefaultGangManager(pool));
    }

    @Override
    protected boolean hasBehavior(TestingDispatcherBehavior behavior) {
        return behavior == TestingDispatcherBehavior.SUPPORTS_QE_REUSE
                || behavior == TestingDispatcherBehavior.SUPPORTS_DETAILED_STATS;
    }

    /** Only the methods the pool SPI had before its additions. */
    private record MinimalPool(IdleQePool delegate) implements IdleQePool {
        @Override
        public List<QeConnection> acquire(List<Integer> contents, QeRole role) {
            return delegate.acquire(contents, role);
        }

        @Override
        public void release(QeConnection qe, boolean destroy) {
            delegate.release(qe, destroy);
        }

        @Override
        public int idleCount(int content) {
            return delegate.idleCount(content);
        }

        @Override
        public DispatchStats stats() {
            return delegate.stats();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** Only the methods the gang manager SPI had first. */
    private record MinimalGangManager(GangManager delegate) implements GangManager {
        @Override
        public Gang allocate(GangType type, List<Integer> contents) {
            return delegate.allocate(type, contents, DispatchOptions.DEFAULT);
        }

        @Override
        public void recycle(Gang gang, boolean destroy) {
            delegate.recycle(gang, destroy);
        }
    }
}
