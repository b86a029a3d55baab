package io.gangway.interconnect.udp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.ClusterSecret;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.interconnect.MotionStreamKey;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A stream is opened only by a sender that presents the cluster secret (the MAC of its OPEN). */
@Timeout(value = 20, unit = SECONDS)
class StreamAuthTest {
    private static final StreamId ID = new StreamId(1, 2, 3, 4, 5);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable r : resources.reversed()) {
            r.close();
        }
        threads.shutdownNow();
    }

    private static ByteBuf open(StreamAuth auth, StreamId id) {
        byte[] mac = auth.openMac(id);
        return Packets.header(UnpooledByteBufAllocator.DEFAULT, Packets.DATA, Packets.OPEN, id, 1, 0, 0, mac.length).writeBytes(mac);
    }

    private static boolean accepted(StreamAuth receiver, ByteBuf packet) {
        try {
            Packets.Header h = Packets.read(packet);
            return h != null && receiver.isAuthenticOpen(h, packet);
        } finally {
            packet.release();
        }
    }

    @Test
    void onlyAnOpenWithTheSecretsMacForItsOwnHeaderIsAuthentic() {
        ClusterSecret secret = ClusterSecret.generate();
        StreamAuth ours = new StreamAuth(secret);
        assertThat(accepted(ours, open(new StreamAuth(secret), ID))).isTrue();
        assertThat(accepted(ours, open(new StreamAuth(ClusterSecret.generate()), ID))).as("another secret").isFalse();
        ByteBuf replayed = open(ours, ID);
        replayed.setInt(24, 9); // the same MAC on another sender's header
        assertThat(accepted(ours, replayed)).as("a MAC binds its stream").isFalse();
        byte[] mac = ours.openMac(ID);
        ByteBuf data = Packets.header(UnpooledByteBufAllocator.DEFAULT, Packets.DATA, Packets.CHUNK_START, ID, 1, 0, 0, mac.length)
                .writeBytes(mac);
        assertThat(accepted(ours, data)).as("only an OPEN opens").isFalse();
    }

    @Test
    void senderWithAnotherSecretIsRefusedAndTheReceiverServesOthers() throws Exception {
        ClusterSecret ours = ClusterSecret.generate();
        UdpInterconnect receiving = process(ours);
        UdpInterconnect stranger = process(ClusterSecret.generate());
        UdpInterconnect member = process(ours);
        MotionStreamKey key = new MotionStreamKey(9, 1, 1);
        MotionReceiver receiver = receiving.openReceiver(key, 0, 1);
        resources.add(receiver);

        MotionSender refused = stranger.openSender(key, 0, List.of(receiving.endpoint()));
        resources.add(refused);
        assertThatThrownBy(() -> {
            for (int seq = 0; ; seq++) {
                refused.send(0, UdpTestChunks.chunk(0, 0, seq, 100));
            }
        })
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.GP_INTERCONNECTION_ERROR))
                .hasMessageContaining("did not present the cluster secret");

        MotionSender sender = member.openSender(key, 0, List.of(receiving.endpoint()));
        resources.add(sender);
        Future<?> sent = threads.submit(() -> {
            assertThat(sender.send(0, UdpTestChunks.chunk(0, 0, 0, 100))).isTrue();
            sender.finish();
            return null;
        });
        assertThat(UdpTestChunks.check(threads.submit(receiver::next).get(10, SECONDS)).seq()).isZero();
        assertThat(threads.submit(receiver::next).get(10, SECONDS)).as("nothing of the stranger's").isNull();
        sent.get(10, SECONDS);
    }

    private UdpInterconnect process(ClusterSecret secret) {
        UdpInterconnect ic = new UdpInterconnect(UdpInterconnectConfig.DEFAULT, secret);
        resources.add(ic);
        return ic;
    }
}
