package io.gangway.dispatcher;

import io.gangway.api.Settings;
import io.gangway.dispatcher.qe.NettyDispatchServer;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.dispatch.DispatchRequest;
import io.gangway.spi.dispatch.DispatchServer;
import io.gangway.spi.dispatch.DispatchStats;
import io.gangway.spi.dispatch.DispatchedStatement;
import io.gangway.spi.dispatch.Dispatcher;
import io.gangway.spi.dispatch.DispatcherSession;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.tck.dispatch.DispatcherContractTest;
import io.gangway.tck.dispatch.TestingDispatcherBehavior;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The contract against a dispatcher that implements only the SPI's abstract methods (every newer
 * method left to its {@code default}), with every optional behaviour declared missing: checks the
 * contract's refusal branches and that the SPI's defaults answer as the contract expects.
 */
class SpiDefaultsDispatcherContractTest extends DispatcherContractTest {
    @Override
    protected Dispatcher createDispatcher() {
        DefaultDispatcher delegate = new DefaultDispatcher(DispatcherConfig.DEFAULT, 2);
        return new Dispatcher() {
            @Override
            public DispatcherSession openSession(long sessionId, Supplier<List<SegmentDescriptor>> components, Settings settings) {
                return new MinimalSession(delegate.openSession(sessionId, components, settings));
            }

            @Override
            public void close() {
                delegate.close();
            }
        };
    }

    @Override
    protected DispatchServer createDispatchServer() {
        return new NettyDispatchServer(1);
    }

    /** Every optional SPI behaviour off; QE reuse is the pool's, not the SPI's, and the pool beneath reuses. */
    @Override
    protected boolean hasBehavior(TestingDispatcherBehavior behavior) {
        return behavior == TestingDispatcherBehavior.SUPPORTS_QE_REUSE;
    }

    /** Only the methods the SPI had before its additions. */
    private record MinimalSession(DispatcherSession delegate) implements DispatcherSession {
        @Override
        public DispatchedStatement dispatchPlan(PlannedStatement plan, long commandId, Endpoint coordinatorEndpoint) {
            return delegate.dispatchPlan(plan, commandId, coordinatorEndpoint);
        }

        @Override
        public List<QeResult> dispatchToWriters(DispatchRequest request) {
            return delegate.dispatchToWriters(request);
        }

        @Override
        public void applySettings(Map<String, String> settings) {
            delegate.applySettings(settings);
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
}
