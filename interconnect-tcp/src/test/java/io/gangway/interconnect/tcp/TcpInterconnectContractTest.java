package io.gangway.interconnect.tcp;

import io.gangway.spi.interconnect.Interconnect;
import io.gangway.tck.interconnect.InterconnectContractTest;

class TcpInterconnectContractTest extends InterconnectContractTest {
    @Override
    protected Interconnect createInterconnect() {
        return new TcpInterconnect(TcpInterconnectConfig.DEFAULT);
    }
}
