package io.gangway.dispatcher.pool;

import io.gangway.spi.dispatch.IdleQePool;
import io.gangway.spi.dispatch.IdleQePoolContext;
import io.gangway.spi.dispatch.IdleQePoolFactory;

/** Makes {@link NoIdleQePool}s ({@code gp_idle_qe_pool = none}). */
public final class NoIdleQePoolFactory implements IdleQePoolFactory {
    public static final String NAME = "none";

    @Override
    public IdleQePool open(IdleQePoolContext context) {
        return new NoIdleQePool(context);
    }
}
