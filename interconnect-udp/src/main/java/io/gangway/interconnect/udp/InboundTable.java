package io.gangway.interconnect.udp;

import io.gangway.interconnect.udp.InboundStream.Outgoing;
import io.gangway.interconnect.udp.StreamId.ReceiverId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The receiving side of a process: every {@link InboundStream}, found by its {@link StreamId} from
 * each packet's header, and the receivers they belong to.
 *
 * <p><b>A receiver may open after its senders started.</b> Packets of a stream whose receiver has not
 * opened are kept, and acknowledged, in a parked stream exactly as an open one would (so within its
 * window and queue depth), up to {@link #MAX_PARKED} streams; beyond that they are dropped unanswered
 * and the sender's retransmission brings them again later. {@link #register} claims parked streams.
 * A stream nobody claims within the unclaimed stream timeout is refused. Streams of a closed receiver
 * leave a tombstone (the last {@link #TOMBSTONES} are kept): their late packets are answered
 * "ack the past" with STOP, as Greenplum answers packets of a torn-down interconnect instance.
 */
final class InboundTable {
    static final int MAX_PARKED = 4096;
    static final int TOMBSTONES = 16384;

    private final int queueDepth;
    private final Duration unclaimedTimeout;
    private final ByteBufAllocator alloc;
    private final ConcurrentHashMap<StreamId, InboundStream> streams = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock
    private final Map<ReceiverId, UdpMotionReceiver> receivers = new HashMap<>();
    private final Map<StreamId, InboundStream> parked = new HashMap<>();
    private final Map<StreamId, Boolean> tombstones = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StreamId, Boolean> eldest) {
            return size() > TOMBSTONES;
        }
    };
    private boolean closed;

    InboundTable(int queueDepth, Duration unclaimedTimeout, ByteBufAllocator alloc) {
        this.queueDepth = queueDepth;
        this.unclaimedTimeout = unclaimedTimeout;
        this.alloc = alloc;
    }

    /** A receiver opened: it takes the streams parked for it. */
    void register(UdpMotionReceiver receiver) {
        List<InboundStream> claimed = new ArrayList<>();
        lock.lock();
        try {
            if (closed) {
                throw UdpErrors.interconnect("interconnect is closed");
            }
            ReceiverId rid = receiver.id();
            if (receivers.putIfAbsent(rid, receiver) != null) {
                throw new IllegalStateException("receiver " + rid.receiver() + " of motion " + rid.key() + " is already open");
            }
            for (Iterator<InboundStream> it = parked.values().iterator(); it.hasNext(); ) {
                InboundStream s = it.next();
                if (s.id().receiverId().equals(rid)) {
                    it.remove();
                    claimed.add(s);
                }
            }
        } finally {
            lock.unlock();
        }
        List<Outgoing> replies = new ArrayList<>();
        for (InboundStream s : claimed) {
            Outgoing reply = attach(receiver, s);
            if (reply != null) {
                replies.add(reply);
            }
        }
        receiver.sendAll(replies);
    }

    /** Hands a stream to its receiver; a reply for the sender if the stream is refused. */
    private @Nullable Outgoing attach(UdpMotionReceiver receiver, InboundStream s) {
        if (s.id().sender() >= receiver.senderCount()) {
            String reason = "sender index " + s.id().sender() + " out of range for motion " + s.id().key()
                    + " with " + receiver.senderCount() + " senders";
            s.fail(reason);
            streams.remove(s.id());
            return s.refusal(alloc, reason);
        }
        receiver.attach(s);
        return null;
    }

    /**
     * The stream a DATA or PROBE packet belongs to, made (attached or parked) if it is new; null if
     * the packet is to be dropped, after adding to {@code replies} what its sender must hear.
     */
    @Nullable InboundStream streamFor(Packets.Header h, InetSocketAddress from, List<Outgoing> replies) {
        InboundStream s = streams.get(h.stream());
        if (s != null) {
            return s;
        }
        UdpMotionReceiver receiver;
        lock.lock();
        try {
            s = streams.get(h.stream());
            if (s != null) {
                return s;
            }
            if (closed || tombstones.containsKey(h.stream())) {
                // ack the past: whatever it is, the sender may forget it and stop
                ByteBuf ack = Packets.header(alloc, Packets.ACK, Packets.STOP, h.stream(), 0, h.seq(), h.seq(), 0);
                replies.add(new Outgoing(ack, from));
                return null;
            }
            receiver = receivers.get(h.stream().receiverId());
            if (receiver == null && parked.size() >= MAX_PARKED) {
                return null; // no reply: the sender retransmits, by then there may be room or a receiver
            }
            s = new InboundStream(h.stream(), queueDepth);
            streams.put(h.stream(), s);
            if (receiver == null) {
                parked.put(h.stream(), s);
            }
        } finally {
            lock.unlock();
        }
        if (receiver != null) {
            Outgoing refusal = attach(receiver, s);
            if (refusal != null) {
                replies.add(refusal);
                return null;
            }
        }
        return s;
    }

    /**
     * A receiver closed: its streams leave, with tombstones. Senders still sending get a refusal, unless
     * the receiver had stopped them (then STOP already told them) or their stream had ended.
     */
    void unregister(UdpMotionReceiver receiver, List<InboundStream> own, List<Outgoing> replies) {
        lock.lock();
        try {
            receivers.remove(receiver.id(), receiver);
            for (InboundStream s : own) {
                streams.remove(s.id(), s);
                tombstones.put(s.id(), Boolean.TRUE);
            }
        } finally {
            lock.unlock();
        }
        for (InboundStream s : own) {
            if (!s.isFinished()) {
                Outgoing refusal = s.refusal(alloc, "receiver " + receiver.id().receiver() + " of motion "
                        + receiver.id().key() + " closed");
                if (refusal != null) {
                    replies.add(refusal);
                }
            }
            s.clear();
        }
    }

    /** Refuses streams parked longer than the unclaimed stream timeout (timer). */
    void expireParked(long nowNanos, List<Outgoing> replies) {
        List<InboundStream> expired = new ArrayList<>();
        lock.lock();
        try {
            for (Iterator<InboundStream> it = parked.values().iterator(); it.hasNext(); ) {
                InboundStream s = it.next();
                if (nowNanos - s.createdNanos() > unclaimedTimeout.toNanos()) {
                    it.remove();
                    streams.remove(s.id(), s);
                    tombstones.put(s.id(), Boolean.TRUE);
                    expired.add(s);
                }
            }
        } finally {
            lock.unlock();
        }
        for (InboundStream s : expired) {
            Outgoing refusal = s.refusal(alloc, "no receiver " + s.id().receiver() + " of motion " + s.id().key()
                    + " opened within " + unclaimedTimeout.toMillis() + " ms");
            if (refusal != null) {
                replies.add(refusal);
            }
            s.clear();
        }
    }

    /** The process closes: every receiver fails its streams' senders; returns the receivers to close. */
    List<UdpMotionReceiver> close() {
        lock.lock();
        try {
            closed = true;
            parked.values().forEach(InboundStream::clear);
            parked.clear();
            return new ArrayList<>(receivers.values());
        } finally {
            lock.unlock();
        }
    }
}
