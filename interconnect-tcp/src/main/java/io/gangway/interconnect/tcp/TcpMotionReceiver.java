package io.gangway.interconnect.tcp;

import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One QE's receiving end of a motion: an {@link InboundStream} per sender, attached as their
 * connections arrive (before or after this receiver opened). {@link #next()} takes chunks round-robin
 * from the streams that have some, so no sender starves; errors are raised as soon as they are seen,
 * even with chunks of other senders still queued, since the statement fails either way.
 */
final class TcpMotionReceiver implements MotionReceiver {
    /** Waits re-check their state this often even without a signal; a guard, not the mechanism. */
    private static final long RECHECK_NANOS = ChangeSignal.nanos(250);

    private final MotionStreamKey key;
    private final int receiverIndex;
    private final int senderCount;
    private final StreamRegistry registry;
    private final long setupDeadlineNanos;
    private final Duration setupTimeout;
    private final AtomicReferenceArray<InboundStream> streams;
    private final ChangeSignal signal = new ChangeSignal();
    private volatile boolean stopped;
    private volatile boolean closed;
    // used by the consuming thread only
    private int lastSender = -1;
    private int nextStart;

    TcpMotionReceiver(MotionStreamKey key, int receiverIndex, int senderCount, StreamRegistry registry, Duration setupTimeout) {
        this.key = key;
        this.receiverIndex = receiverIndex;
        this.senderCount = senderCount;
        this.registry = registry;
        this.setupTimeout = setupTimeout;
        this.setupDeadlineNanos = System.nanoTime() + setupTimeout.toNanos();
        this.streams = new AtomicReferenceArray<>(senderCount);
    }

    MotionStreamKey key() {
        return key;
    }

    int receiverIndex() {
        return receiverIndex;
    }

    /** A sender's stream arrived (or was parked before this receiver opened). */
    void attach(InboundStream stream) {
        int sender = stream.senderIndex();
        if (sender >= senderCount) {
            stream.reject("sender index " + sender + " out of range for motion " + key + " with " + senderCount + " senders");
            return;
        }
        if (!streams.compareAndSet(sender, null, stream)) {
            stream.reject("duplicate stream from sender " + sender + " of motion " + key);
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
    public int lastSender() {
        return lastSender;
    }

    @Override
    public byte @Nullable [] next() {
        while (true) {
            long seen = signal.generation();
            if (checkEndedOrFailed()) {
                return null;
            }
            int ended = 0;
            for (int k = 0; k < senderCount; k++) {
                int sender = (nextStart + k) % senderCount;
                InboundStream stream = streams.get(sender);
                if (stream == null) {
                    continue;
                }
                byte[] chunk = stream.poll();
                if (chunk != null) {
                    lastSender = sender;
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
        if (sender < 0 || sender >= senderCount) {
            throw new IllegalArgumentException("sender " + sender + " out of range 0.." + (senderCount - 1));
        }
        while (true) {
            long seen = signal.generation();
            if (checkEndedOrFailed()) {
                return null;
            }
            InboundStream stream = streams.get(sender);
            if (stream != null) {
                byte[] chunk = stream.poll();
                if (chunk != null) {
                    lastSender = sender;
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
    private boolean checkEndedOrFailed() {
        if (closed) {
            throw IcErrors.canceled();
        }
        if (stopped) {
            return true;
        }
        for (int i = 0; i < senderCount; i++) {
            InboundStream stream = streams.get(i);
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
            throw IcErrors.interconnect("sender(s) " + missing + " of motion " + key + " did not connect to receiver "
                    + receiverIndex + " within " + setupTimeout.toMillis() + " ms");
        }
        long wait = missing.isEmpty() ? RECHECK_NANOS : Math.min(RECHECK_NANOS, setupDeadlineNanos - now);
        signal.awaitChange(seen, wait);
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
        forEachStream(InboundStream::stop);
        signal.signal();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        registry.unregister(this, stopped);
        forEachStream(InboundStream::release);
        signal.signal();
    }

    private void forEachStream(Consumer<InboundStream> action) {
        for (int i = 0; i < senderCount; i++) {
            InboundStream stream = streams.get(i);
            if (stream != null) {
                action.accept(stream);
            }
        }
    }
}
