package io.gangway.interconnect.tcp;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Matches incoming streams with the receivers that take them, keyed by (motion, receiver index).
 *
 * <p>A stream may arrive before its receiver opens: it is parked here (reading no further than its
 * queue depth) until {@link #register} claims it. A slot no receiver claims within the unclaimed
 * stream timeout is refused, its senders told why. A receiver that closes leaves a tombstone for
 * as long, so a sender connecting late is told to stop (the receiver had stopped) or refused,
 * rather than parked for nothing.
 */
final class StreamRegistry implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StreamRegistry.class.getName());

    private record Slot(MotionStreamKey key, int receiverIndex) {}

    private record Tombstone(boolean stopped, long expiresAtNanos) {}

    private static final class Entry {
        @Nullable TcpMotionReceiver receiver;
        final List<InboundStream> parked = new ArrayList<>();
        final long createdAtNanos = System.nanoTime();
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Slot, Entry> entries = new HashMap<>();
    private final Map<Slot, Tombstone> tombstones = new HashMap<>();
    private final Duration unclaimedTimeout;
    private final ScheduledFuture<?> sweeper;

    StreamRegistry(Duration unclaimedTimeout, ScheduledExecutorService scheduler) {
        this.unclaimedTimeout = requireNonNull(unclaimedTimeout, "unclaimedTimeout is null");
        long period = Math.clamp(unclaimedTimeout.toMillis() / 4, 10, 1000);
        this.sweeper = scheduler.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** A stream's handshake came (event loop): hand it to its receiver, or park it. */
    void offer(InboundStream stream) {
        Slot slot = new Slot(stream.key(), stream.receiverIndex());
        TcpMotionReceiver receiver;
        Tombstone tombstone;
        lock.lock();
        try {
            tombstone = tombstones.get(slot);
            Entry entry = entries.get(slot);
            receiver = entry == null ? null : entry.receiver;
            if (tombstone == null && receiver == null) {
                entries.computeIfAbsent(slot, s -> new Entry()).parked.add(stream);
                return;
            }
        } finally {
            lock.unlock();
        }
        if (receiver != null) {
            receiver.attach(stream);
        } else if (tombstone.stopped()) {
            stream.stop();
        } else {
            stream.reject("receiver " + slot.receiverIndex() + " of motion " + slot.key() + " is closed");
        }
    }

    /** A receiver opened: it takes the streams parked for it. */
    void register(TcpMotionReceiver receiver) {
        Slot slot = new Slot(receiver.key(), receiver.receiverIndex());
        List<InboundStream> parked;
        lock.lock();
        try {
            Entry entry = entries.computeIfAbsent(slot, s -> new Entry());
            if (entry.receiver != null) {
                throw new SqlException(SqlState.INTERNAL_ERROR,
                        "receiver " + slot.receiverIndex() + " of motion " + slot.key() + " is already open");
            }
            tombstones.remove(slot);
            entry.receiver = receiver;
            parked = List.copyOf(entry.parked);
            entry.parked.clear();
        } finally {
            lock.unlock();
        }
        parked.forEach(receiver::attach);
    }

    /** A receiver closed: streams that come for it later are stopped or refused. */
    void unregister(TcpMotionReceiver receiver, boolean stopped) {
        Slot slot = new Slot(receiver.key(), receiver.receiverIndex());
        lock.lock();
        try {
            Entry entry = entries.get(slot);
            if (entry != null && entry.receiver == receiver) {
                entries.remove(slot);
                tombstones.put(slot, new Tombstone(stopped, System.nanoTime() + unclaimedTimeout.toNanos()));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Refuses streams parked too long and forgets old tombstones. */
    void sweep() {
        long now = System.nanoTime();
        List<InboundStream> expired = new ArrayList<>();
        lock.lock();
        try {
            for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
                Entry entry = it.next();
                if (entry.receiver == null && now - entry.createdAtNanos > unclaimedTimeout.toNanos()) {
                    expired.addAll(entry.parked);
                    it.remove();
                }
            }
            tombstones.values().removeIf(t -> now - t.expiresAtNanos() > 0);
        } finally {
            lock.unlock();
        }
        for (InboundStream stream : expired) {
            LOG.log(System.Logger.Level.DEBUG, "refusing unclaimed interconnect stream from {0}", stream.describe());
            stream.reject("no receiver opened receiver " + stream.receiverIndex() + " of motion " + stream.key()
                    + " within " + unclaimedTimeout.toMillis() + " ms");
        }
    }

    /** Stops sweeping and closes every open receiver (the process's interconnect is going away). */
    @Override
    public void close() {
        sweeper.cancel(false);
        List<TcpMotionReceiver> open = new ArrayList<>();
        lock.lock();
        try {
            entries.values().forEach(e -> {
                if (e.receiver != null) {
                    open.add(e.receiver);
                }
            });
        } finally {
            lock.unlock();
        }
        open.forEach(TcpMotionReceiver::close);
    }
}
