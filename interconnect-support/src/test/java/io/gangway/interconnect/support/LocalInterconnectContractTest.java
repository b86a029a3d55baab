package io.gangway.interconnect.support;

import io.gangway.spi.interconnect.Interconnect;
import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.tck.interconnect.InterconnectContractTest;

class LocalInterconnectContractTest extends InterconnectContractTest {
    @Override
    protected Interconnect createInterconnect() {
        return new LocalInterconnect();
    }

    @Override
    protected boolean isHeldBack(MotionSender sender, int route) {
        return ((LocalSender) sender).isHeldBack(route);
    }

    @Override
    protected boolean isWaiting(MotionReceiver receiver) {
        return ((MultiplexingReceiver) receiver).isWaiting();
    }
}
