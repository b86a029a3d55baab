package io.gangway.dispatcher;

import io.gangway.spi.dispatch.DispatchServer;
import io.gangway.spi.dispatch.Dispatcher;
import io.gangway.spi.dispatch.DispatcherSession;
import io.gangway.spi.dispatch.GangManager;
import io.gangway.spi.dispatch.IdleQePool;
import io.gangway.tck.dispatch.GangManagerContractTest;

/** The gang manager and pool contract on the default dispatcher's Commons Pool 2 pool. */
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
    protected GangManager gangManager(DispatcherSession session) {
        return ((DefaultDispatcherSession) session).gangManager();
    }

    @Override
    protected IdleQePool idleQePool(DispatcherSession session) {
        return ((DefaultDispatcherSession) session).pool();
    }
}
