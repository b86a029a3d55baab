package io.gangway.server.pgwire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server on loopback: back-pressure on a client that does not read, and psql. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PgWireServerTest {
    private static TestingPgServer server;

    @BeforeAll
    static void start() {
        server = new TestingPgServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aClientThatDoesNotReadStallsTheResultInsteadOfBufferingIt() throws Exception {
        FakeClientSession session;
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(64 * 1024);
            socket.connect(new InetSocketAddress(server.endpoint.host(), server.endpoint.port()), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(FrontendBytes.bytes(FrontendBytes.startup(EmbeddedWire.STARTUP)));
            out.write(FrontendBytes.bytes(FrontendBytes.query("select * from infinite")));
            out.flush();
            InputStream in = socket.getInputStream();
            in.readNBytes(1 << 20);
            session = server.lastSession();

            long stalledAt = awaitStable(session.rowsProduced::get);
            // an endless result, yet only what fits in socket buffers and one high-water mark was produced
            assertThat(stalledAt).isLessThan(1_000_000);

            in.readNBytes(8 << 20);
            assertThat(session.rowsProduced.get()).isGreaterThan(stalledAt);
        }
        // the client went away mid-result: the statement stops and the session is closed
        assertThat(session.closed.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void psqlRunsAQuery() throws Exception {
        Path psql = findOnPath("psql");
        Assumptions.assumeTrue(psql != null, "psql is not on the PATH: skipping the psql test");
        Process process = new ProcessBuilder(psql.toString(), "-X", "-h", "127.0.0.1", "-p",
                Integer.toString(server.endpoint.port()), "-U", "gangway", "-d", "gangway", "-c", "select 1")
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("psql finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.lines().map(String::strip).toList())
                .containsSubsequence("?column?", "1", "(1 row)");
    }

    /**
     * Polls until the value stops changing for a while; fails after a timeout. A stall has no event
     * to await (it is the absence of progress), so this is the one place that watches the clock.
     */
    private static long awaitStable(LongSupplier value) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long last = value.getAsLong();
        int unchanged = 0;
        while (System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
            long now = value.getAsLong();
            unchanged = now == last ? unchanged + 1 : 0;
            last = now;
            if (unchanged >= 6) {
                return now;
            }
        }
        throw new AssertionError("value never settled: " + last);
    }

    private static Path findOnPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
