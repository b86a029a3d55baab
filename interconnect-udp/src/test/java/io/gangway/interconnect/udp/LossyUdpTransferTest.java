package io.gangway.interconnect.udp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.interconnect.udp.FaultyDatagramLink.Faults;
import io.gangway.interconnect.udp.UdpTestChunks.Tag;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An N→M transfer through a datagram layer that loses, reorders, duplicates and delays packets:
 * every receiver gets exactly the chunks each sender sent it, intact and in the order sent.
 */
@Timeout(value = 30, unit = SECONDS)
class LossyUdpTransferTest {
    private static final int SENDERS = 3;
    private static final int RECEIVERS = 2;
    private static final int CHUNKS = 120;

    enum Network {
        LOSS_1_PERCENT(Faults.loss(0.01)),
        LOSS_10_PERCENT(Faults.loss(0.10)),
        REORDERING(new Faults(0, 0, 0.3, Duration.ofMillis(3))),
        DUPLICATION(new Faults(0, 0.2, 0, Duration.ZERO)),
        DELAY(new Faults(0, 0, 1.0, Duration.ofMillis(4))),
        ALL_AT_ONCE(new Faults(0.05, 0.05, 0.2, Duration.ofMillis(3)));

        final Faults faults;

        Network(Faults faults) {
            this.faults = faults;
        }
    }

    private ExecutorService threads;

    @BeforeEach
    void startThreads() {
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lossy-qe");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, SECONDS)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Network.class)
    void everyChunkArrivesOnceInStreamOrder(Network network) throws Exception {
        UdpInterconnectConfig config = UdpInterconnectConfig.DEFAULT;
        try (UdpProcesses processes = new UdpProcesses(config, network.faults, network.ordinal() + 42)) {
            UdpInterconnect[] ics = IntStream.range(0, SENDERS).mapToObj(i -> processes.start()).toArray(UdpInterconnect[]::new);
            MotionStreamKey key = new MotionStreamKey(3, 1, 1);
            List<Endpoint> endpoints = List.of(ics[0].endpoint(), ics[1].endpoint());
            List<Future<Map<Integer, List<Integer>>>> received = new ArrayList<>();
            for (int r = 0; r < RECEIVERS; r++) {
                MotionReceiver receiver = ics[r].openReceiver(key, r, SENDERS);
                int route = r;
                received.add(threads.submit(() -> drain(receiver, route)));
            }
            List<Future<?>> sent = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                MotionSender sender = ics[s].openSender(key, s, endpoints);
                int senderIndex = s;
                sent.add(threads.submit(() -> {
                    try (sender) {
                        for (int seq = 0; seq < CHUNKS; seq++) {
                            for (int route = 0; route < RECEIVERS; route++) {
                                assertThat(sender.send(route, UdpTestChunks.chunk(senderIndex, route, seq, UdpTestChunks.sizeOf(seq))))
                                        .isTrue();
                            }
                        }
                        sender.finish();
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get(25, SECONDS);
            }
            List<Integer> expected = IntStream.range(0, CHUNKS).boxed().toList();
            for (Future<Map<Integer, List<Integer>>> f : received) {
                Map<Integer, List<Integer>> bySender = f.get(25, SECONDS);
                assertThat(bySender).containsOnlyKeys(0, 1, 2);
                bySender.values().forEach(seqs -> assertThat(seqs).isEqualTo(expected));
            }
            // the network really misbehaved, so the protocol really recovered
            Faults faults = network.faults;
            if (faults.loss() > 0) {
                assertThat(processes.dropped()).isPositive();
            }
            if (faults.duplicate() > 0) {
                assertThat(processes.duplicated()).isPositive();
            }
            if (faults.delay() > 0) {
                assertThat(processes.delayed()).isPositive();
            }
        }
    }

    private static Map<Integer, List<Integer>> drain(MotionReceiver receiver, int route) {
        try (receiver) {
            Map<Integer, List<Integer>> bySender = new HashMap<>();
            for (byte[] c = receiver.next(); c != null; c = receiver.next()) {
                Tag tag = UdpTestChunks.check(c);
                assertThat(tag.route()).isEqualTo(route);
                assertThat(c).hasSize(Math.max(UdpTestChunks.TAG_BYTES, UdpTestChunks.sizeOf(tag.seq())));
                bySender.computeIfAbsent(tag.sender(), s -> new ArrayList<>()).add(tag.seq());
            }
            return bySender;
        }
    }
}
