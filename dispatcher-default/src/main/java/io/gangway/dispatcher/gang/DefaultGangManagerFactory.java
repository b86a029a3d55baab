package io.gangway.dispatcher.gang;

import io.gangway.spi.dispatch.GangManager;
import io.gangway.spi.dispatch.GangManagerFactory;
import io.gangway.spi.dispatch.IdleQePool;

/** Makes {@link DefaultGangManager}s ({@code gp_gang_manager = default}). */
public final class DefaultGangManagerFactory implements GangManagerFactory {
    public static final String NAME = "default";

    @Override
    public GangManager open(IdleQePool pool) {
        return new DefaultGangManager(pool);
    }
}
