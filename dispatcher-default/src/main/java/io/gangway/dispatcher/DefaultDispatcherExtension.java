package io.gangway.dispatcher;

import io.gangway.api.settings.SettingDefinition;
import io.gangway.dispatcher.gang.DefaultGangManagerFactory;
import io.gangway.dispatcher.pool.CommonsIdleQePoolFactory;
import io.gangway.dispatcher.pool.NoIdleQePoolFactory;
import io.gangway.dispatcher.qe.NettyDispatchServer;
import io.gangway.spi.Extension;
import io.gangway.spi.ExtensionContext;
import io.gangway.spi.ServiceFactory;
import io.gangway.spi.dispatch.DispatchServer;
import io.gangway.spi.dispatch.Dispatcher;
import io.gangway.spi.dispatch.GangManagerFactory;
import io.gangway.spi.dispatch.IdleQePoolFactory;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The default dispatcher extension: the coordinator's {@link Dispatcher}, the segments'
 * {@link DispatchServer}, the idle QE pools {@code commons} and {@code none}
 * ({@value IdleQePoolFactory#SETTING}) and the {@code default} gang manager.
 */
public final class DefaultDispatcherExtension implements Extension {
    public static final String NAME = "default";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ServiceFactory<?>> factories() {
        return List.of(new DispatcherFactory(), new DispatchServerFactory(),
                new Factory<>(IdleQePoolFactory.class, CommonsIdleQePoolFactory.NAME,
                        config -> new CommonsIdleQePoolFactory(DispatcherConfig.fromMap(config))),
                new Factory<>(IdleQePoolFactory.class, NoIdleQePoolFactory.NAME, config -> new NoIdleQePoolFactory()),
                new Factory<>(GangManagerFactory.class, DefaultGangManagerFactory.NAME, config -> new DefaultGangManagerFactory()));
    }

    /** A factory of a service made from the process's settings alone. */
    private record Factory<T>(Class<T> type, String name, Function<Map<String, String>, T> make) implements ServiceFactory<T> {
        @Override
        public T create(ExtensionContext context, Map<String, String> config) {
            return make.apply(config);
        }
    }

    /** Makes the coordinator's dispatcher from the process's settings. */
    static final class DispatcherFactory implements ServiceFactory<Dispatcher> {
        @Override
        public Class<Dispatcher> type() {
            return Dispatcher.class;
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Dispatcher create(ExtensionContext context, Map<String, String> config) {
            return new DefaultDispatcher(DispatcherConfig.fromMap(config), Math.max(2, Runtime.getRuntime().availableProcessors()),
                    context.clusterSecret());
        }

        @Override
        public List<SettingDefinition> settings() {
            return DispatcherConfig.SETTINGS;
        }
    }

    /** Makes a segment's (or the coordinator's entry-db) dispatch listener. */
    static final class DispatchServerFactory implements ServiceFactory<DispatchServer> {
        @Override
        public Class<DispatchServer> type() {
            return DispatchServer.class;
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public DispatchServer create(ExtensionContext context, Map<String, String> config) {
            return new NettyDispatchServer(context.clusterSecret());
        }
    }
}
