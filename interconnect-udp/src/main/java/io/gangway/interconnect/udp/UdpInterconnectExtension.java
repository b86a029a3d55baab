package io.gangway.interconnect.udp;

import io.gangway.spi.Extension;
import io.gangway.spi.ServiceFactory;
import java.util.List;

/** The UDP interconnect extension: one factory, named {@code udp}. */
public final class UdpInterconnectExtension implements Extension {
    @Override
    public String name() {
        return "udp";
    }

    @Override
    public List<ServiceFactory<?>> factories() {
        return List.of(new UdpInterconnectFactory());
    }
}
