package io.gangway.interconnect.support;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Receiver multiplexing over per-sender queues: round robin, nextFrom, failures, stop, close, the setup deadline. */
@Timeout(value = 20, unit = SECONDS)
class MultiplexingReceiverTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final MotionStreamKey KEY = new MotionStreamKey(3, 1, 2);

    private final StreamRendezvous rendezvous = new StreamRendezvous(TIMEOUT);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<RecordingFlow> flows = new ArrayList<>();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private ChunkQueue[] attach(MultiplexingReceiver receiver, int senders) {
        ChunkQueue[] streams = new ChunkQueue[senders];
        for (int s = 0; s < senders; s++) {
            RecordingFlow flow = new RecordingFlow();
            flows.add(flow);
            streams[s] = new ChunkQueue(KEY, s, receiver.receiverIndex(), 4, flow);
            rendezvous.offer(streams[s]);
        }
        return streams;
    }

    @Test
    void nextTakesRoundRobinSoNoSenderStarves() {
        MultiplexingReceiver receiver = rendezvous.openReceiver(KEY, 0, 2, TIMEOUT);
        ChunkQueue[] s = attach(receiver, 2);
        s[0].add(new byte[] {0, 1});
        s[0].add(new byte[] {0, 2});
        s[1].add(new byte[] {1, 1});
        s[1].add(new byte[] {1, 2});
        assertThat(List.of(receiver.next()[0], receiver.next()[0], receiver.next()[0], receiver.next()[0]))
                .containsExactly((byte) 0, (byte) 1, (byte) 0, (byte) 1);
        s[0].end();
        s[1].end();
        assertThat(receiver.next()).isNull();
    }

    @Test
    void nextFromReadsOneSenderAndEndsWithIt() {
        MultiplexingReceiver receiver = rendezvous.openReceiver(KEY, 0, 2, TIMEOUT);
        ChunkQueue[] s = attach(receiver, 2);
        s[0].add(new byte[] {0});
        s[1].add(new byte[] {1});
        s[1].end();
        assertThat(receiver.nextFrom(1)).containsExactly(1);
        assertThat(receiver.nextFrom(1)).isNull();
        assertThat(receiver.nextFrom(0)).containsExactly(0);
        assertThatThrownBy(() -> receiver.nextFrom(2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailureIsRaisedBeforeOtherSendersQueuedChunks() {
        MultiplexingReceiver receiver = rendezvous.openReceiver(KEY, 0, 2, TIMEOUT);
        ChunkQueue[] s = attach(receiver, 2);
        s[0].add(new byte[] {0});
        s[1].fail("could not read block 7");
        assertThatThrownBy(receiver::next).isInstanceOfSatisfying(SqlException.class,
                e -> assertThat(e.state()).isEqualTo(SqlState.GP_INTERCONNECTION_ERROR)).hasMessageContaining("could not read block 7");
    }

    @Test
    void senderIndexOutOfRangeOrTakenIsRefused() {
        MultiplexingReceiver receiver = rendezvous.openReceiver(KEY, 0, 1, TIMEOUT);
        attach(receiver, 1);
        RecordingFlow beyond = new RecordingFlow();
        rendezvous.offer(new ChunkQueue(KEY, 5, 0, 4, beyond));
        assertThat(beyond.drain()).singleElement().asString().contains("sender index 5 out of range");
        RecordingFlow duplicate = new RecordingFlow();
        rendezvous.offer(new ChunkQueue(KEY, 0, 0, 4, duplicate));
        assertThat(duplicate.drain()).singleElement().asString().contains("duplicate stream from sender 0");
    }

    @Test
    void stopStopsEveryStreamAndLaterOnesAndNextReturnsNull() {
        MultiplexingReceiver receiver = rendezvous.openReceiver(KEY, 0, 2, TIMEOUT);
        ChunkQueue[] s = attach(receiver, 1);
        s[0].add(new byte[] {1});
        receiver.stop();
        assertThat(receiver.next()).isNull();
        assertThat(flows.getFirst().drain()).containsExactly("stop");
        RecordingFlow late = new RecordingFlow();
        rendezvous.offer(new ChunkQueue(KEY, 1, 0, 4, late));
        assertThat(late.drain()).as("a stream attached after the stop").containsExactly("stop");
    }

    @Test
    void closeWakesABlockedNextAndReleasesEveryStream() throws Exception {
        MultiplexingReceiver receiver = rendezvous.openReceiver(KEY, 0, 1, TIMEOUT);
        attach(receiver, 1);
        Future<byte[]> next = threads.submit(receiver::next);
        while (!receiver.isWaiting()) {
            LockSupport.parkNanos(1_000_000);
        }
        receiver.close();
        assertThatThrownBy(() -> next.get(10, SECONDS)).cause().isInstanceOfSatisfying(SqlException.class,
                e -> assertThat(e.state()).isEqualTo(SqlState.QUERY_CANCELED));
        assertThat(flows.getFirst().drain()).containsExactly("release unfinished");
    }

    @Test
    void aSenderThatNeverOpensFailsTheReceiverAfterTheSetupTimeout() {
        MultiplexingReceiver receiver = rendezvous.openReceiver(KEY, 0, 3, Duration.ofMillis(50));
        ChunkQueue[] s = attach(receiver, 1);
        s[0].end();
        assertThatThrownBy(receiver::next).isInstanceOfSatisfying(SqlException.class,
                e -> assertThat(e.state()).isEqualTo(SqlState.GP_INTERCONNECTION_ERROR))
                .hasMessageContaining("sender(s) [1, 2] of motion " + KEY + " did not open a stream to receiver 0 within 50 ms");
    }
}
