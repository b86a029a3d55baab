package io.gangway.interconnect.udp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.interconnect.udp.FaultyDatagramLink.Faults;
import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Packets that come after their receiver closed are answered from its tombstone, never parked anew. */
@Timeout(value = 20, unit = SECONDS)
class LatePacketTest {
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void endOfStreamRepeatedAfterTheReceiverClosedIsAcknowledgedWithStop() throws Exception {
        try (UdpProcesses processes = new UdpProcesses(UdpInterconnectConfig.DEFAULT, Faults.NONE, 11)) {
            UdpInterconnect receiving = processes.start();
            UdpInterconnect sending = processes.start();
            MotionStreamKey key = new MotionStreamKey(3, 1, 1);
            MotionReceiver receiver = receiving.openReceiver(key, 0, 1);
            processes.link(0).setLoss(1.0); // every acknowledgement of the stream is lost, its end's too
            MotionSender sender = sending.openSender(key, 0, List.of(receiving.endpoint()));
            Future<?> finished = threads.submit(() -> {
                sender.finish();
                return null;
            });
            assertThat(threads.submit(receiver::next).get(10, SECONDS)).as("the end arrived").isNull();
            receiver.close();
            processes.link(0).setLoss(0);

            finished.get(10, SECONDS); // the repeated end of stream is answered: stop, all is taken
            assertThat(sender.allStopped()).isTrue();
            sender.close();
        }
    }
}
