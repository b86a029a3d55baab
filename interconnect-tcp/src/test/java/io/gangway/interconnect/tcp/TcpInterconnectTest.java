package io.gangway.interconnect.tcp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.ClusterSecret;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.Extension;
import io.gangway.spi.ExtensionContext;
import io.gangway.spi.ServiceFactory;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.interconnect.Interconnect;
import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the TCP interconnect does beyond the contract: setup retries, unclaimed streams, the extension. */
@Timeout(value = 30, unit = SECONDS)
class TcpInterconnectTest {
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable r : resources.reversed()) {
            r.close();
        }
        threads.shutdownNow();
    }

    private TcpInterconnect process(TcpInterconnectConfig config) {
        return process(config, ClusterSecret.INSECURE_FOR_TESTS);
    }

    private TcpInterconnect process(TcpInterconnectConfig config, ClusterSecret secret) {
        TcpInterconnect ic = new TcpInterconnect(config, secret);
        resources.add(ic);
        return ic;
    }

    @Test
    void extensionIsFoundAndMakesTheTcpInterconnect() {
        List<Extension> found = ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(found).anySatisfy(e -> assertThat(e).isInstanceOf(TcpInterconnectExtension.class));
        ServiceFactory<?> factory = new TcpInterconnectExtension().factories().getFirst();
        assertThat(factory.name()).isEqualTo("tcp");
        assertThat(factory.type()).isEqualTo(Interconnect.class);
        Interconnect ic = (Interconnect) factory.create(
                new ExtensionContext(ExtensionContext.Role.SEGMENT, 0, Path.of(".")), Map.of("gp_interconnect_queue_depth", "2"));
        resources.add(ic);
        assertThat(ic.endpoint().host()).isEqualTo("127.0.0.1");
        assertThat(ic.endpoint().port()).isPositive();
        assertThat(((TcpInterconnect) ic).config().queueDepth()).isEqualTo(2);
    }

    @Test
    void senderRetriesUntilALateReceiverListens() throws Exception {
        int port = freePort();
        TcpInterconnect sending = process(TcpInterconnectConfig.DEFAULT);
        MotionStreamKey key = new MotionStreamKey(1, 1, 1);
        MotionSender sender = sending.openSender(key, 0, List.of(new Endpoint("127.0.0.1", port)));
        resources.add(sender);
        Future<?> sent = threads.submit(() -> {
            assertThat(sender.send(0, new byte[] {42})).isTrue();
            sender.finish();
            return null;
        });
        TcpInterconnect receiving = process(new TcpInterconnectConfig("127.0.0.1", port, 4,
                Duration.ofSeconds(60), Duration.ofSeconds(60), 1 << 20, 1));
        MotionReceiver receiver = receiving.openReceiver(key, 0, 1);
        resources.add(receiver);
        assertThat(threads.submit(receiver::next).get(10, SECONDS)).containsExactly(42);
        assertThat(threads.submit(receiver::next).get(10, SECONDS)).isNull();
        sent.get(10, SECONDS);
    }

    @Test
    void receiverThatNeverListensFailsTheSenderNamingIt() throws Exception {
        int port = freePort();
        TcpInterconnect sending = process(TcpInterconnectConfig.DEFAULT.withSetupTimeout(Duration.ofMillis(300)));
        MotionSender sender = sending.openSender(new MotionStreamKey(1, 2, 1), 0, List.of(new Endpoint("127.0.0.1", port)));
        resources.add(sender);
        assertThatThrownBy(() -> sender.send(0, new byte[1]))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.GP_INTERCONNECTION_ERROR))
                .hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    void receiverProcessGoneFailsTheSender() throws Exception {
        TcpInterconnect sending = process(TcpInterconnectConfig.DEFAULT);
        TcpInterconnect receiving = process(TcpInterconnectConfig.DEFAULT);
        MotionStreamKey key = new MotionStreamKey(1, 3, 1);
        MotionReceiver receiver = receiving.openReceiver(key, 0, 1);
        MotionSender sender = sending.openSender(key, 0, List.of(receiving.endpoint()));
        resources.add(sender);
        assertThat(sender.send(0, new byte[] {1})).isTrue();
        assertThat(threads.submit(receiver::next).get(10, SECONDS)).containsExactly(1);
        receiving.close();
        assertThatThrownBy(() -> {
            while (sender.send(0, new byte[] {2})) {
                // until the closed connection is noticed
            }
        })
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.GP_INTERCONNECTION_ERROR))
                .hasMessageContaining(receiving.endpoint().toString());
    }

    @Test
    void streamNobodyClaimsIsRefused() throws Exception {
        TcpInterconnect sending = process(TcpInterconnectConfig.DEFAULT);
        TcpInterconnect receiving = process(TcpInterconnectConfig.DEFAULT.withUnclaimedStreamTimeout(Duration.ofMillis(200)));
        MotionSender sender = sending.openSender(new MotionStreamKey(1, 4, 1), 0, List.of(receiving.endpoint()));
        resources.add(sender);
        assertThat(sender.send(0, new byte[] {1})).isTrue();
        assertThatThrownBy(() -> {
            while (sender.send(0, new byte[] {2})) {
                Thread.onSpinWait();
            }
        })
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.GP_INTERCONNECTION_ERROR))
                .hasMessageContaining("no receiver opened");
    }

    @Test
    void lateSenderOfAStoppedReceiverIsStopped() throws Exception {
        TcpInterconnect sending = process(TcpInterconnectConfig.DEFAULT);
        TcpInterconnect receiving = process(TcpInterconnectConfig.DEFAULT);
        MotionStreamKey key = new MotionStreamKey(1, 5, 1);
        MotionReceiver receiver = receiving.openReceiver(key, 0, 2);
        receiver.stop();
        receiver.close();
        MotionSender late = sending.openSender(key, 1, List.of(receiving.endpoint()));
        resources.add(late);
        Future<?> sent = threads.submit(() -> {
            while (late.send(0, new byte[100])) {
                Thread.onSpinWait();
            }
            return null;
        });
        sent.get(10, SECONDS);
        assertThat(late.allStopped()).isTrue();
    }

    @Test
    void chunkOverTheFrameLimitIsRefused() {
        TcpInterconnect ic = process(new TcpInterconnectConfig("127.0.0.1", 0, 4, Duration.ofSeconds(5),
                Duration.ofSeconds(5), 1024, 1));
        MotionSender sender = ic.openSender(new MotionStreamKey(1, 6, 1), 0, List.of(ic.endpoint()));
        resources.add(sender);
        assertThatThrownBy(() -> sender.send(0, new byte[2048]))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.GP_INTERCONNECTION_ERROR))
                .hasMessageContaining("interconnect_max_frame_length");
    }

    @Test
    void senderWithAnotherSecretIsRefusedAndTheReceiverServesOthers() throws Exception {
        ClusterSecret ours = ClusterSecret.generate();
        TcpInterconnect receiving = process(TcpInterconnectConfig.DEFAULT, ours);
        TcpInterconnect stranger = process(TcpInterconnectConfig.DEFAULT, ClusterSecret.generate());
        TcpInterconnect member = process(TcpInterconnectConfig.DEFAULT, ours);
        MotionStreamKey key = new MotionStreamKey(1, 7, 1);
        MotionReceiver receiver = receiving.openReceiver(key, 0, 1);
        resources.add(receiver);

        MotionSender refused = stranger.openSender(key, 0, List.of(receiving.endpoint()));
        resources.add(refused);
        assertThatThrownBy(() -> {
            while (refused.send(0, new byte[] {66})) {
                Thread.onSpinWait();
            }
        })
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.GP_INTERCONNECTION_ERROR))
                .hasMessageContaining("receiver 0 of motion " + key); // hung up on: closed, reset or broken pipe

        MotionSender sender = member.openSender(key, 0, List.of(receiving.endpoint()));
        resources.add(sender);
        Future<?> sent = threads.submit(() -> {
            assertThat(sender.send(0, new byte[] {42})).isTrue();
            sender.finish();
            return null;
        });
        assertThat(threads.submit(receiver::next).get(10, SECONDS)).as("only the member's chunk").containsExactly(42);
        assertThat(threads.submit(receiver::next).get(10, SECONDS)).isNull();
        sent.get(10, SECONDS);
    }

    @Test
    void factoryPresentsTheContextsSecret() {
        ClusterSecret ours = ClusterSecret.generate();
        TcpInterconnect receiving = process(TcpInterconnectConfig.DEFAULT, ours);
        Interconnect fromFactory = new TcpInterconnectFactory().create(
                new ExtensionContext(ExtensionContext.Role.SEGMENT, 0, Path.of("."), ours), Map.of());
        resources.add(fromFactory);
        MotionStreamKey key = new MotionStreamKey(1, 8, 1);
        MotionReceiver receiver = receiving.openReceiver(key, 0, 1);
        resources.add(receiver);
        MotionSender sender = fromFactory.openSender(key, 0, List.of(receiving.endpoint()));
        resources.add(sender);
        assertThat(sender.send(0, new byte[] {1})).isTrue();
        sender.finish();
        assertThat(receiver.next()).containsExactly(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
