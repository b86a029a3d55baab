package io.gangway.interconnect.udp;

import io.gangway.interconnect.udp.FaultyDatagramLink.Faults;
import io.gangway.spi.interconnect.Interconnect;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The whole interconnect contract again, every process behind a link that loses, duplicates and reorders. */
class LossyUdpInterconnectContractTest extends UdpInterconnectContractTest {
    private static final Faults FAULTS = new Faults(0.02, 0.02, 0.1, Duration.ofMillis(2));
    private static final AtomicLong SEEDS = new AtomicLong(1000);

    @Override
    protected Interconnect createInterconnect() {
        long seed = SEEDS.incrementAndGet();
        return new UdpInterconnect(UdpInterconnectConfig.DEFAULT, inner -> new FaultyDatagramLink(inner, FAULTS, seed));
    }
}
