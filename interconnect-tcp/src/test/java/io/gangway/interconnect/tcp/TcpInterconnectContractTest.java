package io.gangway.interconnect.tcp;

import io.gangway.interconnect.support.MultiplexingReceiver;
import io.gangway.spi.interconnect.Interconnect;
import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.tck.interconnect.InterconnectContractTest;

class TcpInterconnectContractTest extends InterconnectContractTest {
    @Override
    protected Interconnect createInterconnect() {
        return new TcpInterconnect(TcpInterconnectConfig.DEFAULT);
    }

    @Override
    protected boolean isHeldBack(MotionSender sender, int route) {
        return ((TcpMotionSender) sender).isHeldBack(route);
    }

    @Override
    protected boolean isWaiting(MotionReceiver receiver) {
        return ((MultiplexingReceiver) receiver).isWaiting();
    }
}
