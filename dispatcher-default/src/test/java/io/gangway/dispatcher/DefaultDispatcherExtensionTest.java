package io.gangway.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.spi.Extension;
import io.gangway.spi.ExtensionContext;
import io.gangway.spi.ServiceFactory;
import io.gangway.spi.dispatch.DispatchServer;
import io.gangway.spi.dispatch.Dispatcher;
import io.gangway.spi.dispatch.GangManagerFactory;
import io.gangway.spi.dispatch.IdleQePoolFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class DefaultDispatcherExtensionTest {
    @Test
    void serviceLoaderFindsBothFactories() {
        List<Extension> extensions = ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::get)
                .filter(e -> e instanceof DefaultDispatcherExtension).toList();
        assertThat(extensions).hasSize(1);
        List<ServiceFactory<?>> factories = extensions.getFirst().factories();
        assertThat(factories).extracting(ServiceFactory::name).containsExactlyInAnyOrder("default", "default", "commons", "none", "default");
        assertThat(factories).extracting(f -> (Object) f.type()).containsExactlyInAnyOrder(Dispatcher.class, DispatchServer.class,
                IdleQePoolFactory.class, IdleQePoolFactory.class, GangManagerFactory.class);
        ExtensionContext context = new ExtensionContext(ExtensionContext.Role.COORDINATOR, -1, Path.of("/tmp"));
        for (ServiceFactory<?> factory : factories) {
            Object service = factory.create(context, Map.of("gp_cached_gang_threshold", "3"));
            assertThat(service).isInstanceOf(factory.type());
            if (service instanceof Dispatcher d) {
                d.close();
            } else if (service instanceof DispatchServer s) {
                s.close();
            }
        }
    }
}
