package io.gangway.interconnect.udp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.interconnect.udp.FaultyDatagramLink.Faults;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A receiver that stops answering fails its sender's statement after the transmit timeout, naming the receiver. */
@Timeout(value = 20, unit = SECONDS)
class SilentPeerTest {
    private static final UdpInterconnectConfig SHORT = UdpInterconnectConfig.DEFAULT
            .withTimeouts(Duration.ofMillis(600), Duration.ofMillis(600));

    @Test
    void aReceiverThatNeverAnswersFailsTheSenderNamingIt() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                UdpProcesses processes = new UdpProcesses(SHORT, Faults.NONE, 1)) {
            UdpInterconnect sending = processes.start();
            Endpoint peer = new Endpoint("127.0.0.1", silent.getLocalPort());
            MotionSender sender = sending.openSender(new MotionStreamKey(1, 1, 1), 0, List.of(peer));
            long start = System.nanoTime();
            assertThatThrownBy(() -> {
                for (int seq = 0; ; seq++) {
                    sender.send(0, UdpTestChunks.chunk(0, 0, seq, 100));
                }
            })
                    .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.GP_INTERCONNECTION_ERROR))
                    .hasMessageContaining("interconnect encountered a network error, please check your network")
                    .hasMessageContaining("receiver 0 of motion con1/cmd1/slice1 at " + peer);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
            sender.close();
        }
    }

    @Test
    void aReceiverThatFallsSilentMidStreamFailsTheSender() throws Exception {
        try (UdpProcesses processes = new UdpProcesses(SHORT, Faults.NONE, 2)) {
            UdpInterconnect receiving = processes.start();
            UdpInterconnect sending = processes.start();
            MotionStreamKey key = new MotionStreamKey(1, 2, 1);
            MotionReceiver receiver = receiving.openReceiver(key, 0, 1);
            MotionSender sender = sending.openSender(key, 0, List.of(receiving.endpoint()));
            for (int seq = 0; seq < 3; seq++) {
                assertThat(sender.send(0, UdpTestChunks.chunk(0, 0, seq, 20_000))).isTrue();
                assertThat(UdpTestChunks.check(receiver.next()).seq()).isEqualTo(seq);
            }
            processes.link(0).setLoss(1.0); // the receiving process's packets no longer get out
            assertThatThrownBy(() -> {
                for (int seq = 3; ; seq++) {
                    sender.send(0, UdpTestChunks.chunk(0, 0, seq, 20_000));
                }
            })
                    .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.GP_INTERCONNECTION_ERROR))
                    .hasMessageContaining("interconnect encountered a network error")
                    .hasMessageContaining("no acknowledgement from receiver 0 of motion " + key + " at " + receiving.endpoint());
            sender.close();
            receiver.close();
        }
    }

    @Test
    void finishFailsWhenTheEndOfStreamIsNeverAcknowledged() throws Exception {
        try (UdpProcesses processes = new UdpProcesses(SHORT, Faults.NONE, 3)) {
            UdpInterconnect receiving = processes.start();
            UdpInterconnect sending = processes.start();
            MotionStreamKey key = new MotionStreamKey(1, 3, 1);
            MotionReceiver receiver = receiving.openReceiver(key, 0, 1);
            MotionSender sender = sending.openSender(key, 0, List.of(receiving.endpoint()));
            assertThat(sender.send(0, UdpTestChunks.chunk(0, 0, 0, 100))).isTrue();
            assertThat(receiver.next()).isNotNull();
            processes.link(0).setLoss(1.0);
            assertThatThrownBy(sender::finish)
                    .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.GP_INTERCONNECTION_ERROR))
                    .hasMessageContaining(receiving.endpoint().toString());
            sender.close();
            receiver.close();
        }
    }
}
