package io.gangway.interconnect.udp;

import io.gangway.api.settings.SettingDefinition;
import io.gangway.spi.ExtensionContext;
import io.gangway.spi.ServiceFactory;
import io.gangway.spi.interconnect.Interconnect;
import java.util.List;
import java.util.Map;

/** Makes the process's {@link UdpInterconnect}, selected by {@code gp_interconnect_type = udp}. */
public final class UdpInterconnectFactory implements ServiceFactory<Interconnect> {
    @Override
    public Class<Interconnect> type() {
        return Interconnect.class;
    }

    @Override
    public String name() {
        return "udp";
    }

    @Override
    public Interconnect create(ExtensionContext context, Map<String, String> config) {
        return new UdpInterconnect(UdpInterconnectConfig.from(config), context.clusterSecret());
    }

    @Override
    public List<SettingDefinition> settings() {
        return UdpInterconnectConfig.SETTINGS;
    }
}
