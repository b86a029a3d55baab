package io.gangway.interconnect.support;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One QE's receiving end of a motion, for any transport: a {@link ChunkQueue} per sender, attached by
 * the {@link StreamRendezvous} as the senders' streams arrive (before or after this receiver opened).
 *
 * <p>{@link #next()} takes chunks round-robin from the queues that have some, so no sender starves;
 * {@link #nextFrom} reads one sender while the others wait within their flow control. A failure is
 * raised as soon as it is seen, even with chunks of other senders queued, since the statement fails
 * either way. A sender that has not opened its stream within the setup timeout fails the receiver,
 * naming it. Used by one thread, except {@link #close()} (and {@link #stop()}), which any thread may call.
 */
public final class MultiplexingReceiver implements MotionReceiver {
    private final MotionStreamKey key;
    private final int receiverIndex;
    private final int senderCount;
    private final StreamRendezvous rendezvous;
    private final Duration setupTimeout;
    private final long setupDeadlineNanos;
    private final AtomicReferenceArray<ChunkQueue> streams;
    private final ChangeSignal signal = new ChangeSignal();
    private volatile boolean stopped;
    private volatile boolean closed;
    private volatile boolean waiting;
    // the consuming thread's
    private int nextStart;

    MultiplexingReceiver(MotionStreamKey key, int receiverIndex, int senderCount, StreamRendezvous rendezvous, Duration setupTimeout) {
        IcChecks.receiver(key, receiverIndex, senderCount);
        this.key = key;
        this.receiverIndex = receiverIndex;
        this.senderCount = senderCount;
        this.rendezvous = rendezvous;
        this.setupTimeout = requireNonNull(setupTimeout, "setupTimeout is null");
        this.setupDeadlineNanos = System.nanoTime() + setupTimeout.toNanos();
        this.streams = new AtomicReferenceArray<>(senderCount);
    }

    public MotionStreamKey key() {
        return key;
    }

    public int receiverIndex() {
        return receiverIndex;
    }

    public int senderCount() {
        return senderCount;
    }

    /**
     * True while the consuming thread waits in {@link #next()} or {@link #nextFrom} for something to
     * change: the receiver's own state, for tests that must know a call is blocked.
     */
    public boolean isWaiting() {
        return waiting;
    }

    /** A sender's stream arrived (the rendezvous calls this): refused if its index is out of range or taken. */
    void attach(ChunkQueue stream) {
        int sender = stream.senderIndex();
        if (sender >= senderCount) {
            stream.refuse("sender index " + sender + " out of range for motion " + key + " with " + senderCount + " senders");
            return;
        }
        if (!streams.compareAndSet(sender, null, stream)) {
            stream.refuse("duplicate stream from sender " + sender + " of motion " + key);
            return;
        }
        stream.listenWith(signal);
        // close() or stop() may have run before the stream was visible to them
        if (closed) {
            stream.release();
        } else if (stopped) {
            stream.stop();
        }
    }

    @Override
    public byte @Nullable [] next() {
        while (true) {
            long seen = signal.generation();
            if (checkStoppedOrFailed()) {
                return null;
            }
            int ended = 0;
            for (int k = 0; k < senderCount; k++) {
                int sender = (nextStart + k) % senderCount;
                ChunkQueue stream = streams.get(sender);
                if (stream == null) {
                    continue;
                }
                byte[] chunk = stream.poll();
                if (chunk != null) {
                    nextStart = (sender + 1) % senderCount;
                    return chunk;
                }
                if (stream.isEnded()) {
                    ended++;
                }
            }
            if (ended == senderCount) {
                return null;
            }
            await(seen);
        }
    }

    @Override
    public byte @Nullable [] nextFrom(int sender) {
        IcChecks.index("sender", sender, senderCount);
        while (true) {
            long seen = signal.generation();
            if (checkStoppedOrFailed()) {
                return null;
            }
            ChunkQueue stream = streams.get(sender);
            if (stream != null) {
                byte[] chunk = stream.poll();
                if (chunk != null) {
                    return chunk;
                }
                if (stream.isEnded()) {
                    return null;
                }
            }
            await(seen);
        }
    }

    /** Throws if closed or a stream failed; true if stopped (the caller returns null). */
    private boolean checkStoppedOrFailed() {
        if (closed) {
            throw IcErrors.canceled();
        }
        if (stopped) {
            return true;
        }
        for (int i = 0; i < senderCount; i++) {
            ChunkQueue stream = streams.get(i);
            String failure = stream == null ? null : stream.failure();
            if (failure != null) {
                throw IcErrors.interconnect(failure);
            }
        }
        return false;
    }

    private void await(long seen) {
        long now = System.nanoTime();
        List<Integer> missing = missingSenders();
        if (!missing.isEmpty() && now - setupDeadlineNanos > 0) {
            throw IcErrors.interconnect("sender(s) " + missing + " of motion " + key + " did not open a stream to receiver "
                    + receiverIndex + " within " + setupTimeout.toMillis() + " ms");
        }
        long wait = missing.isEmpty() ? ChangeSignal.RECHECK_NANOS : Math.min(ChangeSignal.RECHECK_NANOS, setupDeadlineNanos - now);
        waiting = true;
        try {
            signal.awaitChange(seen, Math.max(wait, 1));
        } finally {
            waiting = false;
        }
    }

    private List<Integer> missingSenders() {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < senderCount; i++) {
            if (streams.get(i) == null) {
                missing.add(i);
            }
        }
        return missing;
    }

    @Override
    public void stop() {
        stopped = true;
        forEachStream(ChunkQueue::stop);
        signal.signal();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        BitSet ended = new BitSet(senderCount);
        forEachStream(s -> {
            if (s.hasEnd()) {
                ended.set(s.senderIndex());
            }
        });
        rendezvous.unregister(this, stopped, ended);
        forEachStream(ChunkQueue::release);
        signal.signal();
    }

    private void forEachStream(Consumer<ChunkQueue> action) {
        for (int i = 0; i < senderCount; i++) {
            ChunkQueue stream = streams.get(i);
            if (stream != null) {
                action.accept(stream);
            }
        }
    }
}
