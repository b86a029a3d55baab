package io.gangway.interconnect.udp;

import io.gangway.spi.interconnect.Interconnect;
import io.gangway.tck.interconnect.InterconnectContractTest;

class UdpInterconnectContractTest extends InterconnectContractTest {
    @Override
    protected Interconnect createInterconnect() {
        return new UdpInterconnect(UdpInterconnectConfig.DEFAULT);
    }
}
