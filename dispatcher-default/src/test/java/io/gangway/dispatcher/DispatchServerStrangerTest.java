package io.gangway.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.api.ClusterSecret;
import io.gangway.api.Settings;
import io.gangway.dispatcher.protocol.DispatchMessage;
import io.gangway.dispatcher.protocol.KryoSerialization;
import io.gangway.dispatcher.qe.NettyDispatchServer;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.dispatch.DispatcherSession;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.dispatch.QeStartup;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.tck.dispatch.FakeQeService;
import io.gangway.tck.util.Await;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A live segment's dispatch server against strangers, over real sockets: a frame that names a class
 * of its choosing, and a QE startup without the cluster's secret or with a wrong one, are refused
 * (the connection closed) with nothing instantiated and no QE started; after them the segment keeps
 * serving a QD that knows the secret.
 */
@Timeout(30)
class DispatchServerStrangerTest {
    private final ClusterSecret secret = ClusterSecret.generate();
    private final KryoSerialization serialization = new KryoSerialization();
    private FakeQeService service;
    private NettyDispatchServer server;
    private Endpoint bound;

    @BeforeEach
    void start() {
        service = new FakeQeService(0);
        server = new NettyDispatchServer(1, secret);
        bound = server.start(new Endpoint("127.0.0.1", 0), service);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static QeStartup startup() {
        return new QeStartup(7, 0, true, 1, Map.of());
    }

    private static void sendFrame(DataOutputStream out, byte[]... parts) throws IOException {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        out.writeInt(length);
        for (byte[] part : parts) {
            out.write(part);
        }
        out.flush();
    }

    /** True once the server closed the connection (end of stream, or a reset). */
    private static boolean closedByServer(DataInputStream in) throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(bound.host(), bound.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    @Test
    void aFrameNamingAnArbitraryClassIsRefusedAndNothingIsInstantiated() throws IOException {
        for (String className : List.of("io.gangway.dispatcher.Tripwire", "java.util.concurrent.ConcurrentHashMap")) {
            // After a proper startup: the QE's next frame names a class.
            try (Socket socket = connect()) {
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                DataInputStream in = new DataInputStream(socket.getInputStream());
                sendFrame(out, secret.bytes(), serialization.fingerprint(),
                        serialization.encode(new DispatchMessage.Startup(startup())));
                byte[] answer = new byte[in.readInt()];
                in.readFully(answer);
                assertThat(serialization.decode(answer)).isInstanceOf(DispatchMessage.StartupOk.class);
                sendFrame(out, StrangerFrames.namingClass(className));
                assertThat(closedByServer(in)).as("the connection is closed").isTrue();
            }
            // As the startup itself, behind the right secret.
            try (Socket socket = connect()) {
                sendFrame(new DataOutputStream(socket.getOutputStream()), secret.bytes(), serialization.fingerprint(),
                        StrangerFrames.namingClass(className));
                assertThat(closedByServer(new DataInputStream(socket.getInputStream()))).isTrue();
            }
        }
        assertThat(TripwireFlag.TRIPPED).as("Tripwire's static initializer never ran").isFalse();
        assertThat(service.startups()).as("only the proper startups").hasSize(2);
        Await.until("the QEs of the refused connections ended", () -> server.openSessions() == 0);
        theSegmentKeepsServing();
    }

    @Test
    void aStartupWithoutTheSecretOrWithAWrongOneIsRefused() throws IOException {
        assertThat(TripwireFlag.TRIPPED).isFalse();
        byte[] startup = serialization.encode(new DispatchMessage.Startup(startup()));
        byte[] wrong = ClusterSecret.generate().bytes();
        byte[] fingerprint = serialization.fingerprint();
        byte[] otherClasses = new KryoSerialization(List.of(Tripwire.class)).fingerprint();
        List<byte[][]> strangers = List.of(
                new byte[][] {startup},
                new byte[][] {fingerprint, startup},
                new byte[][] {wrong, fingerprint, startup},
                new byte[][] {ClusterSecret.INSECURE_FOR_TESTS.bytes(), fingerprint, startup},
                new byte[][] {new byte[3]},
                // The secret, but another allow-list (other extensions): refused before it is misread.
                new byte[][] {secret.bytes(), otherClasses, startup});
        for (byte[][] frame : strangers) {
            try (Socket socket = connect()) {
                sendFrame(new DataOutputStream(socket.getOutputStream()), frame);
                assertThat(closedByServer(new DataInputStream(socket.getInputStream()))).isTrue();
            }
        }
        assertThat(service.startups()).as("no QE was started for a stranger").isEmpty();
        assertThat(TripwireFlag.TRIPPED).as("an allow-list naming Tripwire never initializes it").isFalse();
        assertThat(server.openSessions()).isZero();
        theSegmentKeepsServing();
    }

    /** A QD that presents the secret gets its QEs and its statements run. */
    private void theSegmentKeepsServing() {
        SegmentDescriptor segment = new SegmentDescriptor(2, 0, 'p', 'p', 's', 'u', bound.port(), "localhost", "127.0.0.1",
                "/tmp/gangway-stranger/seg0");
        try (DefaultDispatcher dispatcher = new DefaultDispatcher(DispatcherConfig.DEFAULT, 1, secret);
                DispatcherSession session = dispatcher.openSession(1, () -> List.of(segment), new Settings(Map.of()))) {
            assertThat(session.dispatchSql("SELECT 1")).containsExactly(QeResult.success(0, 1));
        }
        assertThat(service.startups()).last().satisfies(s -> assertThat(s.sessionId()).isEqualTo(1));
    }
}
