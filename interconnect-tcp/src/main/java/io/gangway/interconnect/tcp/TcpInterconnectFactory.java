package io.gangway.interconnect.tcp;

import io.gangway.api.settings.SettingDefinition;
import io.gangway.spi.ExtensionContext;
import io.gangway.spi.ServiceFactory;
import io.gangway.spi.interconnect.Interconnect;
import java.util.List;
import java.util.Map;

/** Makes the process's {@link TcpInterconnect}, selected by {@code gp_interconnect_type = tcp}. */
public final class TcpInterconnectFactory implements ServiceFactory<Interconnect> {
    @Override
    public Class<Interconnect> type() {
        return Interconnect.class;
    }

    @Override
    public String name() {
        return "tcp";
    }

    @Override
    public Interconnect create(ExtensionContext context, Map<String, String> config) {
        return new TcpInterconnect(TcpInterconnectConfig.from(config), context.clusterSecret());
    }

    @Override
    public List<SettingDefinition> settings() {
        return TcpInterconnectConfig.SETTINGS;
    }
}
