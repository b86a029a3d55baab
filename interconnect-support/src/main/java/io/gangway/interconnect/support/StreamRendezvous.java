package io.gangway.interconnect.support;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Where a process's inbound streams meet the receivers that take them, keyed by (motion, receiver
 * index): the one rendezvous policy of every transport.
 *
 * <ol>
 *   <li><b>Attach</b>: a stream whose receiver is open is handed to it at once.
 *   <li><b>Park</b>: a stream that arrives before its receiver opens waits here, holding its sender
 *       back through its queue's flow control, until {@link #openReceiver} claims it. At most
 *       {@value #MAX_PARKED_STREAMS} streams wait at once; beyond that a stream is refused.
 *   <li><b>Unclaimed timeout</b>: a stream parked longer than the unclaimed stream timeout is refused,
 *       its sender told why, and its slot gets a tombstone.
 *   <li><b>Tombstone</b>: a receiver that closes leaves a tombstone for as long (the last
 *       {@value #MAX_TOMBSTONES} are kept). A stream that arrives for it later is told to stop if the
 *       receiver had stopped or if that sender's stream had already ended there (a late repeat of
 *       its past, as a datagram transport sees), and is refused otherwise, rather than parked for nothing.
 * </ol>
 *
 * <p>Decisions are made under the rendezvous's lock; their actions (attach, stop, refuse) run after it
 * is released. The transport calls {@link #expire} now and then (every quarter of the timeout or
 * more often) from a timer of its own.
 */
public final class StreamRendezvous implements AutoCloseable {
    public static final int MAX_PARKED_STREAMS = 4096;
    public static final int MAX_TOMBSTONES = 16384;
    private static final System.Logger LOG = System.getLogger(StreamRendezvous.class.getName());

    /** What became of an offered stream. */
    public enum Outcome {
        /** Handed to its open receiver (which may still refuse it: a bad or duplicate sender index). */
        ATTACHED,
        /** Waiting for its receiver. */
        PARKED,
        /** Told to stop: its receiver had stopped, or had already taken this sender's whole stream. */
        STOPPED,
        /** Refused, its sender told why. */
        REFUSED
    }

    private record Slot(MotionStreamKey key, int receiverIndex) {
        static Slot of(ChunkQueue stream) {
            return new Slot(stream.key(), stream.receiverIndex());
        }
    }

    private record Parked(ChunkQueue stream, long sinceNanos) {}

    private record Tombstone(boolean stopped, BitSet ended, long expiresAtNanos) {}

    private final Duration unclaimedTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock
    private final Map<Slot, MultiplexingReceiver> receivers = new HashMap<>();
    private final Map<Slot, List<Parked>> parked = new HashMap<>();
    private final Map<Slot, Tombstone> tombstones = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Slot, Tombstone> eldest) {
            return size() > MAX_TOMBSTONES;
        }
    };
    private int parkedCount;
    private boolean closed;

    public StreamRendezvous(Duration unclaimedTimeout) {
        this.unclaimedTimeout = requireNonNull(unclaimedTimeout, "unclaimedTimeout is null");
        if (!unclaimedTimeout.isPositive()) {
            throw new IllegalArgumentException("unclaimedTimeout " + unclaimedTimeout);
        }
    }

    public Duration unclaimedTimeout() {
        return unclaimedTimeout;
    }

    /** A stream arrived (its sender's first message, on a transport thread): attach, park, stop or refuse it. */
    public Outcome offer(ChunkQueue stream) {
        Slot slot = Slot.of(stream);
        MultiplexingReceiver receiver;
        Tombstone tombstone;
        lock.lock();
        try {
            if (closed) {
                tombstone = null;
                receiver = null;
            } else {
                receiver = receivers.get(slot);
                tombstone = tombstones.get(slot);
                if (receiver == null && tombstone == null && parkedCount < MAX_PARKED_STREAMS) {
                    parked.computeIfAbsent(slot, s -> new ArrayList<>()).add(new Parked(stream, System.nanoTime()));
                    parkedCount++;
                    return Outcome.PARKED;
                }
            }
        } finally {
            lock.unlock();
        }
        if (receiver != null) {
            receiver.attach(stream);
            return Outcome.ATTACHED;
        }
        if (tombstone != null && (tombstone.stopped() || tombstone.ended().get(stream.senderIndex()))) {
            stream.stop();
            return Outcome.STOPPED;
        }
        String where = "receiver " + slot.receiverIndex() + " of motion " + slot.key();
        stream.refuse(closed ? "interconnect of " + where + " is closed"
                : tombstone != null ? closedReason(slot.key(), slot.receiverIndex())
                : "too many streams wait for their receivers (" + MAX_PARKED_STREAMS + ")");
        return Outcome.REFUSED;
    }

    /**
     * What to tell the sender of a stream that is not open here and is heard from again without
     * opening (a datagram transport's late packet, after its receiver closed): {@link Outcome#STOPPED}
     * or {@link Outcome#REFUSED} (with {@link #closedReason}) by the tombstone's rules, or null if
     * nothing is known of it: the transport drops the packet, keeping no state for it.
     */
    public @Nullable Outcome lateArrival(MotionStreamKey key, int senderIndex, int receiverIndex) {
        lock.lock();
        try {
            Tombstone tombstone = tombstones.get(new Slot(key, receiverIndex));
            if (tombstone == null) {
                return null;
            }
            return tombstone.stopped() || tombstone.ended().get(senderIndex) ? Outcome.STOPPED : Outcome.REFUSED;
        } finally {
            lock.unlock();
        }
    }

    /** Why a stream of a closed receiver is refused. */
    public static String closedReason(MotionStreamKey key, int receiverIndex) {
        return "receiver " + receiverIndex + " of motion " + key + " is closed";
    }

    /**
     * Opens a receiver ({@code openReceiver} of the transport): it takes the streams parked for it.
     * A receiver of the same slot that is still open is an internal error.
     */
    public MultiplexingReceiver openReceiver(MotionStreamKey key, int receiverIndex, int senderCount, Duration setupTimeout) {
        MultiplexingReceiver receiver = new MultiplexingReceiver(key, receiverIndex, senderCount, this, setupTimeout);
        Slot slot = new Slot(key, receiverIndex);
        List<Parked> claimed;
        lock.lock();
        try {
            if (closed) {
                throw IcErrors.closed();
            }
            if (receivers.putIfAbsent(slot, receiver) != null) {
                throw new SqlException(SqlState.INTERNAL_ERROR,
                        "receiver " + receiverIndex + " of motion " + key + " is already open");
            }
            tombstones.remove(slot);
            claimed = parked.remove(slot);
            parkedCount -= claimed == null ? 0 : claimed.size();
        } finally {
            lock.unlock();
        }
        if (claimed != null) {
            claimed.forEach(p -> receiver.attach(p.stream()));
        }
        return receiver;
    }

    /** A receiver closed: streams that come for it later are stopped or refused (its tombstone). */
    void unregister(MultiplexingReceiver receiver, boolean stopped, BitSet ended) {
        Slot slot = new Slot(receiver.key(), receiver.receiverIndex());
        lock.lock();
        try {
            if (receivers.remove(slot, receiver)) {
                tombstones.put(slot, new Tombstone(stopped, ended, System.nanoTime() + unclaimedTimeout.toNanos()));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Refuses streams parked longer than the unclaimed stream timeout and forgets old tombstones (a transport's timer). */
    public void expire(long nowNanos) {
        List<ChunkQueue> expired = new ArrayList<>();
        lock.lock();
        try {
            for (Iterator<Map.Entry<Slot, List<Parked>>> it = parked.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Slot, List<Parked>> entry = it.next();
                List<Parked> waiting = entry.getValue();
                waiting.removeIf(p -> {
                    if (nowNanos - p.sinceNanos() > unclaimedTimeout.toNanos()) {
                        expired.add(p.stream());
                        return true;
                    }
                    return false;
                });
                if (waiting.isEmpty()) {
                    it.remove();
                    tombstones.put(entry.getKey(), new Tombstone(false, new BitSet(), nowNanos + unclaimedTimeout.toNanos()));
                }
            }
            parkedCount -= expired.size();
            tombstones.values().removeIf(t -> nowNanos - t.expiresAtNanos() > 0);
        } finally {
            lock.unlock();
        }
        for (ChunkQueue stream : expired) {
            LOG.log(System.Logger.Level.DEBUG, "refusing unclaimed interconnect stream from {0}", stream.describe());
            stream.refuse("no receiver opened receiver " + stream.receiverIndex() + " of motion " + stream.key()
                    + " within " + unclaimedTimeout.toMillis() + " ms");
        }
    }

    /** The process's interconnect closes: open receivers close, parked streams are released, later streams refused. */
    @Override
    public void close() {
        List<MultiplexingReceiver> open;
        List<ChunkQueue> waiting = new ArrayList<>();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(receivers.values());
            parked.values().forEach(list -> list.forEach(p -> waiting.add(p.stream())));
            parked.clear();
            parkedCount = 0;
        } finally {
            lock.unlock();
        }
        open.forEach(MultiplexingReceiver::close);
        waiting.forEach(ChunkQueue::release);
    }
}
