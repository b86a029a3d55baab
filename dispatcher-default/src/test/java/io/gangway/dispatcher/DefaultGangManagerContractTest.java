package io.gangway.dispatcher;

import io.gangway.dispatcher.gang.DefaultGangManagerFactory;
import io.gangway.dispatcher.pool.CommonsIdleQePoolFactory;
import io.gangway.dispatcher.qe.NettyDispatchServer;
import io.gangway.spi.dispatch.DispatchServer;
import io.gangway.spi.dispatch.Dispatcher;
import io.gangway.spi.dispatch.GangManagerFactory;
import io.gangway.spi.dispatch.IdleQePoolFactory;
import io.gangway.tck.dispatch.GangManagerContractTest;

/** The gang manager and pool contract on the default gang manager and the Commons Pool 2 pool ({@code commons}). */
class DefaultGangManagerContractTest extends GangManagerContractTest {
    @Override
    protected Dispatcher createDispatcher() {
        return new DefaultDispatcher(DispatcherConfig.DEFAULT, 2);
    }

    @Override
    protected DispatchServer createDispatchServer() {
        return new NettyDispatchServer(1);
    }

    @Override
    protected IdleQePoolFactory createIdleQePoolFactory() {
        return new CommonsIdleQePoolFactory(DispatcherConfig.DEFAULT);
    }

    @Override
    protected GangManagerFactory createGangManagerFactory() {
        return new DefaultGangManagerFactory();
    }
}
