package io.gangway.interconnect.udp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.interconnect.udp.FaultyDatagramLink.Faults;
import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A receiver that needs no more rows (a satisfied LIMIT) stops its senders, even over a lossy network. */
@Timeout(value = 20, unit = SECONDS)
class EarlyStopTest {
    private ExecutorService threads;

    @BeforeEach
    void startThreads() {
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "early-stop-qe");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, SECONDS)).isTrue();
    }

    @Test
    void stopEndsEverySenderOverALossyNetwork() throws Exception {
        try (UdpProcesses processes = new UdpProcesses(UdpInterconnectConfig.DEFAULT, Faults.loss(0.10), 7)) {
            UdpInterconnect receiving = processes.start();
            MotionStreamKey key = new MotionStreamKey(2, 1, 1);
            MotionReceiver receiver = receiving.openReceiver(key, 0, 3);
            List<Future<Integer>> senders = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                MotionSender sender = processes.start().openSender(key, s, List.of(receiving.endpoint()));
                int index = s;
                senders.add(threads.submit(() -> {
                    try (sender) {
                        int seq = 0;
                        while (sender.send(0, UdpTestChunks.chunk(index, 0, seq, 3000))) {
                            seq++;
                        }
                        assertThat(sender.allStopped()).isTrue();
                        sender.finish(); // a stopped route needs no end of stream: returns at once
                        return seq;
                    }
                }));
            }
            for (int i = 0; i < 10; i++) {
                assertThat(receiver.next()).isNotNull();
            }
            receiver.stop();
            assertThat(receiver.next()).isNull();
            for (Future<Integer> f : senders) {
                assertThat(f.get(10, SECONDS)).as("chunks sent before the stop").isLessThan(10_000);
            }
            receiver.close();
        }
    }

    @Test
    void aSenderThatStartsAfterTheStopIsStoppedAtOnce() throws Exception {
        try (UdpProcesses processes = new UdpProcesses(UdpInterconnectConfig.DEFAULT, Faults.NONE, 8)) {
            UdpInterconnect receiving = processes.start();
            UdpInterconnect sending = processes.start();
            MotionStreamKey key = new MotionStreamKey(2, 2, 1);
            MotionReceiver receiver = receiving.openReceiver(key, 0, 1);
            receiver.stop();
            MotionSender sender = sending.openSender(key, 0, List.of(receiving.endpoint()));
            Future<Integer> sent = threads.submit(() -> {
                int seq = 0;
                while (sender.send(0, UdpTestChunks.chunk(0, 0, seq, 64 * 1024))) {
                    seq++;
                }
                return seq;
            });
            assertThat(sent.get(10, SECONDS)).isLessThan(64);
            assertThat(sender.allStopped()).isTrue();
            sender.close();
            receiver.close();
        }
    }
}
