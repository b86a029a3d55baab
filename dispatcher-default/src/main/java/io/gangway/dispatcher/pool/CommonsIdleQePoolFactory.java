package io.gangway.dispatcher.pool;

import static java.util.Objects.requireNonNull;

import io.gangway.dispatcher.DispatcherConfig;
import io.gangway.spi.dispatch.IdleQePool;
import io.gangway.spi.dispatch.IdleQePoolContext;
import io.gangway.spi.dispatch.IdleQePoolFactory;
import java.time.Clock;

/** Makes {@link CommonsIdleQePool}s ({@code gp_idle_qe_pool = commons}, the default) with the process's dispatcher settings. */
public final class CommonsIdleQePoolFactory implements IdleQePoolFactory {
    public static final String NAME = "commons";

    private final DispatcherConfig config;

    public CommonsIdleQePoolFactory(DispatcherConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    public IdleQePool open(IdleQePoolContext context) {
        return new CommonsIdleQePool(context, config, Clock.systemUTC());
    }
}
