package io.gangway.interconnect.tcp;

import io.gangway.spi.Extension;
import io.gangway.spi.ServiceFactory;
import java.util.List;

/** The TCP interconnect extension: one factory, named {@code tcp}. */
public final class TcpInterconnectExtension implements Extension {
    @Override
    public String name() {
        return "tcp";
    }

    @Override
    public List<ServiceFactory<?>> factories() {
        return List.of(new TcpInterconnectFactory());
    }
}
