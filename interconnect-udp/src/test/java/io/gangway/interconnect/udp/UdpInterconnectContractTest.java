package io.gangway.interconnect.udp;

import io.gangway.interconnect.support.MultiplexingReceiver;
import io.gangway.spi.interconnect.Interconnect;
import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.tck.interconnect.InterconnectContractTest;

class UdpInterconnectContractTest extends InterconnectContractTest {
    @Override
    protected Interconnect createInterconnect() {
        return new UdpInterconnect(UdpInterconnectConfig.DEFAULT);
    }

    @Override
    protected boolean isHeldBack(MotionSender sender, int route) {
        return ((UdpMotionSender) sender).isHeldBack(route);
    }

    @Override
    protected boolean isWaiting(MotionReceiver receiver) {
        return ((MultiplexingReceiver) receiver).isWaiting();
    }
}
