package io.gangway.tck.interconnect;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.interconnect.Interconnect;
import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.interconnect.MotionStreamKey;
import io.gangway.tck.util.Await;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of an {@link Interconnect}: what {@link Interconnect}'s Javadoc guarantees, checked
 * across several instances that stand for several processes on loopback.
 *
 * <p>An implementation's test extends this class and supplies {@link #createInterconnect()}, which
 * each test calls once per simulated process; the test closes every instance it made. Senders and
 * receivers run on their own threads, as QEs do; every wait is bounded.
 *
 * <p>Whether a call is blocked is never guessed from a thread's state or from a quiet spell: the
 * implementation says it through {@link #isHeldBack} and {@link #isWaiting}, from its own state.
 */
@Timeout(value = 30, unit = SECONDS)
public abstract class InterconnectContractTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicLong COMMANDS = new AtomicLong();

    private final List<Interconnect> processes = new ArrayList<>();
    private final List<AutoCloseable> ends = new CopyOnWriteArrayList<>();
    private ExecutorService threads;

    /** A new interconnect, as a new process would make it: listening on loopback, ready to use. */
    protected abstract Interconnect createInterconnect();

    /**
     * Whether a {@code send} on {@code route} of {@code sender} (made by this test's interconnects)
     * waits now because the receiver holds it back: its queue is full, its window closed, its
     * connection unread. The implementation's own flow-control state, not a guess from timing.
     */
    protected abstract boolean isHeldBack(MotionSender sender, int route);

    /** Whether {@code receiver}'s consuming thread waits now in {@code next} or {@code nextFrom} for something to arrive. */
    protected abstract boolean isWaiting(MotionReceiver receiver);

    @BeforeEach
    void startThreads() {
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "interconnect-contract-qe");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable end : ends) {
            end.close();
        }
        for (Interconnect process : processes) {
            process.close();
        }
        threads.shutdownNow();
        assertThat(threads.awaitTermination(WAIT.toSeconds(), SECONDS)).as("QE threads ended").isTrue();
    }

    @Test
    void manySendersToManyReceiversDeliverEveryChunkOnceInOrder() throws Exception {
        int senders = 3;
        int receivers = 2;
        int chunks = 200;
        Interconnect[] ics = {process(), process(), process()};
        MotionStreamKey key = newKey();
        List<Endpoint> endpoints = List.of(ics[0].endpoint(), ics[1].endpoint());
        List<Future<Map<Integer, List<Integer>>>> received = new ArrayList<>();
        for (int r = 0; r < receivers; r++) {
            MotionReceiver receiver = receiver(ics[r], key, r, senders);
            int route = r;
            received.add(threads.submit(() -> drainBySender(receiver, route)));
        }
        List<Future<?>> sent = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            MotionSender sender = sender(ics[s], key, s, endpoints);
            int senderIndex = s;
            sent.add(threads.submit(() -> {
                for (int seq = 0; seq < chunks; seq++) {
                    for (int route = 0; route < receivers; route++) {
                        assertThat(sender.send(route, chunk(senderIndex, route, seq, 16 + seq % 200))).isTrue();
                    }
                }
                sender.finish();
                return null;
            }));
        }
        for (Future<?> f : sent) {
            get(f);
        }
        List<Integer> expected = IntStream.range(0, chunks).boxed().toList();
        for (Future<Map<Integer, List<Integer>>> f : received) {
            Map<Integer, List<Integer>> bySender = get(f);
            assertThat(bySender).containsOnlyKeys(0, 1, 2);
            bySender.values().forEach(seqs -> assertThat(seqs).isEqualTo(expected));
        }
    }

    @Test
    void receiverMayOpenAfterItsSendersSent() throws Exception {
        Interconnect receiving = process();
        Interconnect sending = process();
        MotionStreamKey key = newKey();
        MotionSender sender = sender(sending, key, 0, List.of(receiving.endpoint()));
        CountDownLatch sentAll = new CountDownLatch(1);
        Future<?> sent = threads.submit(() -> {
            for (int seq = 0; seq < 3; seq++) {
                assertThat(sender.send(0, chunk(0, 0, seq, 100))).isTrue();
            }
            sentAll.countDown();
            sender.finish();
            return null;
        });
        assertThat(sentAll.await(WAIT.toSeconds(), SECONDS)).as("sends returned before the receiver opened").isTrue();

        MotionReceiver receiver = receiver(receiving, key, 0, 1);
        assertThat(drainBySender(receiver, 0)).isEqualTo(Map.of(0, List.of(0, 1, 2)));
        get(sent);
    }

    @Test
    void nextReturnsNullOnceEverySenderEnded() throws Exception {
        Interconnect receiving = process();
        Interconnect sending = process();
        MotionStreamKey key = newKey();
        MotionReceiver receiver = receiver(receiving, key, 0, 2);
        for (int s = 0; s < 2; s++) {
            MotionSender sender = sender(sending, key, s, List.of(receiving.endpoint()));
            get(threads.submit(() -> {
                sender.finish();
                return null;
            }));
        }
        Future<byte[]> first = threads.submit(receiver::next);
        assertThat(get(first)).isNull();
        assertThat(get(threads.submit(receiver::next))).as("still null after the end").isNull();
    }

    @Test
    void nextFromReadsOneSenderWhileOthersWait() throws Exception {
        Interconnect receiving = process();
        Interconnect sending = process();
        MotionStreamKey key = newKey();
        int chunks = 20;
        MotionReceiver receiver = receiver(receiving, key, 0, 2);
        List<Future<?>> sent = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            MotionSender sender = sender(sending, key, s, List.of(receiving.endpoint()));
            int senderIndex = s;
            sent.add(threads.submit(() -> {
                for (int seq = 0; seq < chunks; seq++) {
                    assertThat(sender.send(0, chunk(senderIndex, 0, seq, 64))).isTrue();
                }
                sender.finish();
                return null;
            }));
        }
        Future<List<String>> read = threads.submit(() -> {
            List<String> order = new ArrayList<>();
            for (int s : new int[] {1, 0}) {
                for (byte[] c = receiver.nextFrom(s); c != null; c = receiver.nextFrom(s)) {
                    Tag tag = Tag.of(c);
                    assertThat(tag.sender()).as("nextFrom(%d) reads sender %d only", s, s).isEqualTo(s);
                    order.add(tag.sender() + ":" + tag.seq());
                }
            }
            assertThat(receiver.next()).isNull();
            return order;
        });
        List<String> expected = new ArrayList<>();
        for (int s : new int[] {1, 0}) {
            for (int seq = 0; seq < chunks; seq++) {
                expected.add(s + ":" + seq);
            }
        }
        assertThat(get(read)).isEqualTo(expected);
        for (Future<?> f : sent) {
            get(f);
        }
    }

    @Test
    void senderFailureIsRaisedByTheReceiver() throws Exception {
        Interconnect receiving = process();
        Interconnect sending = process();
        MotionStreamKey key = newKey();
        MotionReceiver receiver = receiver(receiving, key, 0, 1);
        MotionSender sender = sender(sending, key, 0, List.of(receiving.endpoint()));
        get(threads.submit(() -> {
            sender.send(0, chunk(0, 0, 0, 10));
            sender.fail("could not read block 7 of relation t");
            sender.close();
            return null;
        }));
        assertRaises(receiver, SqlState.GP_INTERCONNECTION_ERROR, "could not read block 7 of relation t");
    }

    @Test
    void senderClosedBeforeFinishLooksFailed() throws Exception {
        Interconnect receiving = process();
        Interconnect sending = process();
        MotionStreamKey key = newKey();
        MotionReceiver receiver = receiver(receiving, key, 0, 1);
        MotionSender sender = sender(sending, key, 0, List.of(receiving.endpoint()));
        get(threads.submit(() -> {
            sender.send(0, chunk(0, 0, 0, 10));
            sender.close();
            return null;
        }));
        assertRaises(receiver, SqlState.GP_INTERCONNECTION_ERROR, "");
    }

    @Test
    void senderProcessGoneBeforeEndOfStreamIsRaised() throws Exception {
        Interconnect receiving = process();
        Interconnect sending = process();
        MotionStreamKey key = newKey();
        MotionReceiver receiver = receiver(receiving, key, 0, 1);
        MotionSender sender = sender(sending, key, 0, List.of(receiving.endpoint()));
        get(threads.submit(() -> sender.send(0, chunk(0, 0, 0, 10))));
        assertThat(get(threads.submit(receiver::next))).isNotNull();
        sending.close();
        assertRaises(receiver, SqlState.GP_INTERCONNECTION_ERROR, "");
    }

    @Test
    void stopMakesSendReturnFalseAndEndsTheReceiver() throws Exception {
        Interconnect[] ics = {process(), process()};
        Interconnect sending = process();
        MotionStreamKey key = newKey();
        MotionReceiver first = receiver(ics[0], key, 0, 1);
        MotionReceiver second = receiver(ics[1], key, 1, 1);
        MotionSender sender = sender(sending, key, 0, List.of(ics[0].endpoint(), ics[1].endpoint()));
        Future<Integer> sendUntilStopped = threads.submit(() -> sendUntilFalse(sender, 0, 1024, new AtomicInteger()));

        get(threads.submit(() -> {
            for (int i = 0; i < 3; i++) {
                assertThat(first.next()).isNotNull();
            }
            first.stop();
            assertThat(first.next()).as("a stopped receiver returns null").isNull();
            return null;
        }));
        assertThat(get(sendUntilStopped)).isGreaterThanOrEqualTo(3);
        assertThat(sender.allStopped()).as("route 1 still wants rows").isFalse();

        get(threads.submit(() -> {
            second.stop();
            return null;
        }));
        get(threads.submit(() -> sendUntilFalse(sender, 1, 16, new AtomicInteger())));
        assertThat(sender.allStopped()).isTrue();
        assertThat(sender.send(0, chunk(0, 0, 0, 16))).as("a stopped route takes nothing").isFalse();
    }

    @Test
    void slowReceiverBlocksItsSenderAndStopReleasesIt() throws Exception {
        Interconnect receiving = process();
        Interconnect sending = process();
        MotionStreamKey key = newKey();
        MotionReceiver receiver = receiver(receiving, key, 0, 1);
        MotionSender sender = sender(sending, key, 0, List.of(receiving.endpoint()));
        AtomicInteger sent = new AtomicInteger();
        int chunkSize = 64 * 1024;
        Future<Integer> sendUntilStopped = threads.submit(() -> sendUntilFalse(sender, 0, chunkSize, sent));

        int blockedAt = awaitHeldBack(sender, 0, sent);
        assertThat((long) blockedAt * chunkSize)
                .as("bytes a sender may send to a receiver that reads nothing")
                .isLessThan(64L * 1024 * 1024);

        // reading lets the sender go on: it was held back by flow control, not stuck
        get(threads.submit(() -> {
            for (int i = 0; i < 64; i++) {
                assertThat(receiver.next()).hasSize(chunkSize);
            }
            return null;
        }));
        await("the sender resumes once the receiver reads", () -> sent.get() > blockedAt);

        awaitHeldBack(sender, 0, sent);
        get(threads.submit(() -> {
            receiver.stop();
            return null;
        }));
        assertThat(get(sendUntilStopped)).isGreaterThan(blockedAt);
        assertThat(sender.allStopped()).isTrue();
    }

    @Test
    void closeWakesASendBlockedByFlowControl() throws Exception {
        Interconnect receiving = process();
        Interconnect sending = process();
        MotionStreamKey key = newKey();
        receiver(receiving, key, 0, 1);
        MotionSender sender = sender(sending, key, 0, List.of(receiving.endpoint()));
        AtomicInteger sent = new AtomicInteger();
        Future<Integer> sending0 = threads.submit(() -> sendUntilFalse(sender, 0, 64 * 1024, sent));
        awaitHeldBack(sender, 0, sent);
        sender.close();
        assertCanceled(sending0);
    }

    @Test
    void closeWakesABlockedNext() throws Exception {
        Interconnect receiving = process();
        Interconnect sending = process();
        MotionStreamKey key = newKey();
        MotionReceiver receiver = receiver(receiving, key, 0, 2);
        sender(sending, key, 0, List.of(receiving.endpoint()));
        Future<byte[]> next = threads.submit(receiver::next);
        await("next() blocks", () -> isWaiting(receiver));
        receiver.close();
        assertCanceled(next);
    }

    @Test
    void largeChunksArriveIntact() throws Exception {
        Interconnect receiving = process();
        Interconnect sending = process();
        MotionStreamKey key = newKey();
        MotionReceiver receiver = receiver(receiving, key, 0, 1);
        MotionSender sender = sender(sending, key, 0, List.of(receiving.endpoint()));
        Random random = new Random(20240601);
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            byte[] c = new byte[1024 * 1024 + i];
            random.nextBytes(c);
            chunks.add(c);
        }
        Future<?> sent = threads.submit(() -> {
            for (byte[] c : chunks) {
                assertThat(sender.send(0, c.clone())).isTrue();
            }
            sender.finish();
            return null;
        });
        Future<List<byte[]>> received = threads.submit(() -> {
            List<byte[]> all = new ArrayList<>();
            for (byte[] c = receiver.next(); c != null; c = receiver.next()) {
                all.add(c);
            }
            return all;
        });
        get(sent);
        List<byte[]> got = get(received);
        assertThat(got).hasSameSizeAs(chunks);
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(Arrays.equals(got.get(i), chunks.get(i))).as("chunk %d intact", i).isTrue();
        }
    }

    // ---- helpers

    /** A new process's interconnect, closed after the test. */
    protected final Interconnect process() {
        Interconnect ic = createInterconnect();
        processes.add(ic);
        return ic;
    }

    /** A motion key no other test uses. */
    protected static MotionStreamKey newKey() {
        return new MotionStreamKey(7, COMMANDS.incrementAndGet(), 1);
    }

    private MotionReceiver receiver(Interconnect ic, MotionStreamKey key, int index, int senders) {
        MotionReceiver receiver = ic.openReceiver(key, index, senders);
        ends.add(receiver);
        return receiver;
    }

    private MotionSender sender(Interconnect ic, MotionStreamKey key, int index, List<Endpoint> receivers) {
        MotionSender sender = ic.openSender(key, index, receivers);
        ends.add(sender);
        return sender;
    }

    /** A chunk that says who sent it, where, and its place in the stream. */
    protected static byte[] chunk(int sender, int route, int seq, int size) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(size, Tag.BYTES));
        b.putInt(sender).putInt(route).putInt(seq);
        while (b.hasRemaining()) {
            b.put((byte) (seq + b.position()));
        }
        return b.array();
    }

    /** What {@link #chunk} wrote into a chunk. */
    protected record Tag(int sender, int route, int seq) {
        static final int BYTES = 12;

        static Tag of(byte[] chunk) {
            ByteBuffer b = ByteBuffer.wrap(chunk);
            Tag tag = new Tag(b.getInt(), b.getInt(), b.getInt());
            while (b.hasRemaining()) {
                int position = b.position();
                assertThat(b.get()).as("byte %d of %s", position, tag).isEqualTo((byte) (tag.seq + position));
            }
            return tag;
        }
    }

    /** Reads to the end; the sequence numbers each sender sent, checking the route. */
    private static Map<Integer, List<Integer>> drainBySender(MotionReceiver receiver, int route) {
        Map<Integer, List<Integer>> bySender = new HashMap<>();
        for (byte[] c = receiver.next(); c != null; c = receiver.next()) {
            Tag tag = Tag.of(c);
            assertThat(tag.route()).isEqualTo(route);
            bySender.computeIfAbsent(tag.sender(), s -> new ArrayList<>()).add(tag.seq());
        }
        return bySender;
    }

    /** Sends numbered chunks until the route says stop; how many it took. */
    private static int sendUntilFalse(MotionSender sender, int route, int size, AtomicInteger sent) {
        for (int seq = 0; ; seq++) {
            if (!sender.send(route, chunk(0, route, seq, size))) {
                return sent.get();
            }
            sent.incrementAndGet();
        }
    }

    private static void assertRaises(MotionReceiver receiver, SqlState state, String messagePart) {
        assertThatThrownBy(() -> {
            while (receiver.next() != null) {
                // chunks before the failure may or may not arrive first
            }
        })
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(state))
                .hasMessageContaining(messagePart);
    }

    private static void assertCanceled(Future<?> blocked) {
        assertThatThrownBy(() -> blocked.get(WAIT.toSeconds(), SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.QUERY_CANCELED))
                .hasMessage("canceling statement due to user request");
    }

    /**
     * Waits until the implementation says a send on {@code route} is held back by flow control; the
     * chunks sent by then (the held-back send not counted).
     */
    private int awaitHeldBack(MotionSender sender, int route, AtomicInteger sent) {
        await("send is held back by flow control", () -> isHeldBack(sender, route));
        return sent.get();
    }

    /** Polls {@code condition} until it holds, failing after {@link #WAIT}. */
    protected static void await(String what, BooleanSupplier condition) {
        Await.until(what, condition, WAIT);
    }

    private static <T> T get(Future<T> future) throws Exception {
        try {
            return future.get(WAIT.toSeconds(), SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
