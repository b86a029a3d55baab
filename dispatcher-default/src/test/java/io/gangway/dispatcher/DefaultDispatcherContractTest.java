package io.gangway.dispatcher;

import io.gangway.dispatcher.qe.NettyDispatchServer;
import io.gangway.spi.dispatch.DispatchServer;
import io.gangway.spi.dispatch.Dispatcher;
import io.gangway.tck.dispatch.DispatcherContractTest;

/** The dispatcher contract on the default dispatcher, over real loopback connections to fake QEs. */
class DefaultDispatcherContractTest extends DispatcherContractTest {
    @Override
    protected Dispatcher createDispatcher() {
        return new DefaultDispatcher(DispatcherConfig.DEFAULT, 2);
    }

    @Override
    protected DispatchServer createDispatchServer() {
        return new NettyDispatchServer(1);
    }
}
