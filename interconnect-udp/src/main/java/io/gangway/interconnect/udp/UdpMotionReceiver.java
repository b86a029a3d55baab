package io.gangway.interconnect.udp;

import io.gangway.interconnect.udp.InboundStream.Outgoing;
import io.gangway.interconnect.udp.StreamId.ReceiverId;
import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * One QE's receiving end of a motion: an {@link InboundStream} per sender, attached when the
 * sender's first packet arrives (before or after this receiver opened). {@link #next()} takes chunks
 * round-robin from the streams that have some, so no sender starves; a failure is raised as soon as
 * it is seen, since the statement fails either way.
 */
final class UdpMotionReceiver implements MotionReceiver {
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final ReceiverId id;
    private final int senderCount;
    private final UdpInterconnect owner;
    private final Duration setupTimeout;
    private final long setupDeadlineNanos;
    private final AtomicReferenceArray<InboundStream> streams;
    private final ChangeSignal signal = new ChangeSignal();
    private final Outgoing[] windowUpdate = new Outgoing[1];
    private volatile boolean stopped;
    private volatile boolean closed;
    // the consuming thread's
    private int lastSender = -1;
    private int nextStart;

    UdpMotionReceiver(MotionStreamKey key, int receiverIndex, int senderCount, UdpInterconnect owner, Duration setupTimeout) {
        this.id = new ReceiverId(key, receiverIndex);
        this.senderCount = senderCount;
        this.owner = owner;
        this.setupTimeout = setupTimeout;
        this.setupDeadlineNanos = System.nanoTime() + setupTimeout.toNanos();
        this.streams = new AtomicReferenceArray<>(senderCount);
    }

    ReceiverId id() {
        return id;
    }

    int senderCount() {
        return senderCount;
    }

    /** A sender's stream arrived (the table checked its index). */
    void attach(InboundStream stream) {
        streams.set(stream.id().sender(), stream);
        stream.listenWith(signal);
        // stop() or close() may have run before the stream was visible to them
        if (closed) {
            owner.unregister(this, List.of(stream));
        } else if (stopped) {
            stream.stop();
            Outgoing ack = stream.ack(owner.alloc());
            if (ack != null) {
                owner.send(ack);
            }
        }
    }

    void sendAll(List<Outgoing> packets) {
        packets.forEach(owner::send);
    }

    @Override
    public int lastSender() {
        return lastSender;
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
                InboundStream stream = streams.get(sender);
                if (stream == null) {
                    continue;
                }
                byte[] chunk = poll(stream);
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
            if (checkStoppedOrFailed()) {
                return null;
            }
            InboundStream stream = streams.get(sender);
            if (stream != null) {
                byte[] chunk = poll(stream);
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

    private byte @Nullable [] poll(InboundStream stream) {
        byte[] chunk = stream.poll(owner.alloc(), windowUpdate);
        Outgoing update = windowUpdate[0];
        if (update != null) {
            windowUpdate[0] = null;
            owner.send(update);
        }
        return chunk;
    }

    /** Throws if closed or a stream failed; true if stopped (the caller returns null). */
    private boolean checkStoppedOrFailed() {
        if (closed) {
            throw UdpErrors.canceled();
        }
        if (stopped) {
            return true;
        }
        for (int i = 0; i < senderCount; i++) {
            InboundStream stream = streams.get(i);
            String failure = stream == null ? null : stream.failure();
            if (failure != null) {
                throw UdpErrors.interconnect(failure);
            }
        }
        return false;
    }

    private void await(long seen) {
        long now = System.nanoTime();
        List<Integer> missing = missingSenders();
        if (!missing.isEmpty() && now - setupDeadlineNanos > 0) {
            throw UdpErrors.interconnect("sender(s) " + missing + " of motion " + id.key() + " sent nothing to receiver "
                    + id.receiver() + " within " + setupTimeout.toMillis() + " ms");
        }
        long wait = missing.isEmpty() ? RECHECK_NANOS : Math.min(RECHECK_NANOS, setupDeadlineNanos - now);
        signal.awaitChange(seen, Math.max(wait, 1));
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
        List<Outgoing> acks = new ArrayList<>();
        for (InboundStream stream : attached()) {
            stream.stop();
            Outgoing ack = stream.ack(owner.alloc());
            if (ack != null) {
                acks.add(ack);
            }
        }
        sendAll(acks);
        signal.signal();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        owner.unregister(this, attached());
        signal.signal();
    }

    private List<InboundStream> attached() {
        List<InboundStream> all = new ArrayList<>();
        for (int i = 0; i < senderCount; i++) {
            InboundStream stream = streams.get(i);
            if (stream != null) {
                all.add(stream);
            }
        }
        return all;
    }
}
