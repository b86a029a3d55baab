package io.gangway.dispatcher;

import io.gangway.api.settings.SettingDefinition;
import io.gangway.spi.Extension;
import io.gangway.spi.ExtensionContext;
import io.gangway.spi.ServiceFactory;
import io.gangway.spi.dispatch.DispatchServer;
import io.gangway.spi.dispatch.Dispatcher;
import java.util.List;
import java.util.Map;

/** The default dispatcher extension: the coordinator's {@link Dispatcher} and the segments' {@link DispatchServer}. */
public final class DefaultDispatcherExtension implements Extension {
    public static final String NAME = "default";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ServiceFactory<?>> factories() {
        return List.of(new DispatcherFactory(), new DispatchServerFactory());
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
            return new DefaultDispatcher(DispatcherConfig.fromMap(config));
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
            return new NettyDispatchServer();
        }
    }
}
