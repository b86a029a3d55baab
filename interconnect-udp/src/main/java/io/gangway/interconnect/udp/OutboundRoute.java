package io.gangway.interconnect.udp;

import io.gangway.api.SqlException;
import io.gangway.interconnect.support.ChangeSignal;
import io.gangway.interconnect.support.IcErrors;
import io.gangway.interconnect.support.RoutedSender;
import io.gangway.spi.interconnect.Endpoint;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The sending end of one stream (a route of a {@link UdpMotionSender}): numbers its packets, keeps
 * each until acknowledged, and resends what seems lost.
 *
 * <ul>
 *   <li>Window: a new packet may go while its seq is within the receiver's advertised window end and
 *       fewer than {@code cwnd} packets are unacknowledged; {@code cwnd} grows per acknowledged packet
 *       (by 1 below {@code ssthresh}, by 1/cwnd above) up to {@code gp_interconnect_snd_queue_depth},
 *       and backs off when losses show: halved on a fast retransmit, 1 after a timeout.
 *   <li>Retransmission: a packet unacknowledged for the RTO ({@link RttEstimator}, backing off per
 *       timeout) is resent by the timer; one that acknowledgements report missing (later packets
 *       arrived, it did not) {@value #FAST_RETRANSMIT_REPORTS} times is resent at once (fast retransmit).
 *   <li>Probe: a sender held back by a closed window with nothing in flight asks the receiver for its
 *       state now and then, in case the acknowledgement that reopened the window was lost.
 *   <li>Silence: a route with something pending that hears nothing from the receiver for
 *       {@code gp_interconnect_transmit_timeout} (or, before the first acknowledgement,
 *       {@code gp_interconnect_setup_timeout}) breaks with a network error naming the receiver.
 * </ul>
 *
 * <p>The sender's thread {@link #offer}s packets; the event loop delivers acknowledgements and timer
 * ticks; any thread may close. The route's lock guards its state; packets go out after it is released.
 */
final class OutboundRoute implements RoutedSender.Route {
    static final int FAST_RETRANSMIT_REPORTS = 2;
    /** How long a closed route keeps resending its last packets (its error, usually) at most. */
    private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(10);

    enum Offer { SENT, WAIT, STOPPED, BROKEN }

    private static final class OutPacket {
        final int seq;
        final ByteBuf buf;
        long sentNanos;
        boolean retransmitted;
        boolean sacked;
        int missingReports;

        OutPacket(int seq, ByteBuf buf, long sentNanos) {
            this.seq = seq;
            this.buf = buf;
            this.sentNanos = sentNanos;
        }
    }

    private final StreamId id;
    private final Endpoint endpoint;
    private final InetSocketAddress peer;
    private final DatagramLink link;
    private final ChangeSignal signal;
    private final int maxInFlight;
    private final long transmitTimeoutNanos;
    private final long setupTimeoutNanos;
    private final RttEstimator rtt;
    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock; seqs in unacked are consecutive, oldest first
    private final ArrayList<OutPacket> unacked = new ArrayList<>();
    private int nextSeq = 1;
    private int peerWindowEnd;
    private double cwnd;
    private double ssthresh;
    private int recoverUntil;
    private int backoff;
    private int probes;
    private boolean heard;
    private long lastHeardNanos;
    private long busySinceNanos;
    private long lastProbeNanos;
    private boolean waitingForWindow;
    private boolean ended;
    private boolean stopped;
    private @Nullable String broken;
    private boolean released;
    private long lingerUntilNanos;
    private boolean closed;
    // statistics, for tests and logs
    private long retransmissions;

    OutboundRoute(StreamId id, Endpoint endpoint, InetSocketAddress peer, DatagramLink link, ChangeSignal signal,
            UdpInterconnectConfig config) {
        this.id = id;
        this.endpoint = endpoint;
        this.peer = peer;
        this.link = link;
        this.signal = signal;
        this.maxInFlight = config.sndQueueDepth();
        this.transmitTimeoutNanos = config.transmitTimeout().toNanos();
        this.setupTimeoutNanos = config.setupTimeout().toNanos();
        this.rtt = new RttEstimator(config.minRto().toNanos());
        this.peerWindowEnd = config.queueDepth(); // what a receiver grants before it has said anything
        this.cwnd = Math.min(2, maxInFlight);
        this.ssthresh = maxInFlight;
    }

    StreamId id() {
        return id;
    }

    /**
     * Sends one packet (the sender's thread): {@code flags} and {@code length} bytes of {@code data}
     * from {@code offset}, prefixed with {@code chunkLength} if it starts a chunk. {@code force} ignores
     * the window (an error must never wait). WAIT means the window is closed: wait for the signal.
     */
    Offer offer(int flags, byte[] data, int offset, int length, int chunkLength, boolean force) {
        ByteBuf copy;
        lock.lock();
        try {
            if (stopped) {
                return Offer.STOPPED;
            }
            if (broken != null || released) {
                return Offer.BROKEN;
            }
            long now = System.nanoTime();
            if (!force && (nextSeq > peerWindowEnd || unacked.size() >= Math.max(1, (int) cwnd))) {
                markBusy(now);
                waitingForWindow = true;
                return Offer.WAIT;
            }
            markBusy(now);
            waitingForWindow = false;
            boolean start = (flags & Packets.CHUNK_START) != 0;
            int payload = length + (start ? Packets.CHUNK_LENGTH_SIZE : 0);
            ByteBuf buf = Packets.header(link.alloc(), Packets.DATA, flags, id, nextSeq, 0, 0, payload);
            if (start) {
                buf.writeInt(chunkLength);
            }
            buf.writeBytes(data, offset, length);
            unacked.add(new OutPacket(nextSeq, buf, now));
            nextSeq++;
            if ((flags & (Packets.END_OF_STREAM | Packets.ERROR)) != 0) {
                ended = true;
            }
            copy = buf.retainedDuplicate();
        } finally {
            lock.unlock();
        }
        link.send(copy, peer);
        return Offer.SENT;
    }

    /** Starts the silence clock if the route was idle (nothing in flight, not waiting). */
    private void markBusy(long now) {
        if (unacked.isEmpty() && !waitingForWindow) {
            busySinceNanos = now;
        }
    }

    /** Ends the stream with an error (never waits for the window), unless it already ended. */
    @Override
    public void fail(String message) {
        boolean send;
        lock.lock();
        try {
            send = !ended && !stopped && broken == null && !released;
        } finally {
            lock.unlock();
        }
        if (send) {
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            offer(Packets.ERROR, bytes, 0, bytes.length, 0, true);
        }
    }

    /** An acknowledgement (event loop); the buffer's reader index is at its payload. */
    void onAck(Packets.Header h, ByteBuf payload, long now) {
        List<ByteBuf> resend = new ArrayList<>();
        boolean changed = false;
        lock.lock();
        try {
            if (released) {
                return;
            }
            heard = true;
            lastHeardNanos = now;
            if ((h.flags() & Packets.REFUSED) != 0) {
                String reason = payload.toString(payload.readerIndex(), payload.readableBytes(), StandardCharsets.UTF_8);
                if (broken == null && !stopped) {
                    broken = reason;
                }
                releaseAll();
                changed = true;
                return;
            }
            if ((h.flags() & Packets.STOP) != 0) {
                stopped = true;
                releaseAll();
                changed = true;
                return;
            }
            int acked = 0;
            long sample = -1;
            while (acked < unacked.size() && unacked.get(acked).seq <= h.ack()) {
                OutPacket p = unacked.get(acked++);
                if (!p.retransmitted) {
                    sample = now - p.sentNanos;
                }
                p.buf.release();
            }
            if (acked > 0) {
                unacked.subList(0, acked).clear();
                backoff = 0;
                if (sample >= 0) {
                    rtt.sample(sample);
                }
                for (int i = 0; i < acked; i++) {
                    cwnd = Math.min(maxInFlight, cwnd < ssthresh ? cwnd + 1 : cwnd + 1 / cwnd);
                }
                changed = true;
            }
            if (h.window() > peerWindowEnd) {
                peerWindowEnd = h.window();
                probes = 0;
                changed = true;
            }
            readSacks(h, payload, now, resend);
        } finally {
            lock.unlock();
            resend.forEach(b -> link.send(b, peer));
            if (changed) {
                signal.signal();
            }
        }
    }

    /** Marks what the receiver has out of order; resends what it keeps reporting missing. */
    private void readSacks(Packets.Header h, ByteBuf payload, long now, List<ByteBuf> resend) {
        if (unacked.isEmpty() || !payload.isReadable()) {
            return;
        }
        int first = unacked.getFirst().seq;
        int highest = 0;
        while (payload.readableBytes() >= 4) {
            int seq = payload.readInt();
            int i = seq - first;
            if (i >= 0 && i < unacked.size()) {
                unacked.get(i).sacked = true;
                highest = Math.max(highest, seq);
            }
        }
        for (int i = 0; i < unacked.size() && unacked.get(i).seq < highest; i++) {
            OutPacket p = unacked.get(i);
            if (!p.sacked && ++p.missingReports >= FAST_RETRANSMIT_REPORTS) {
                p.missingReports = 0;
                if (h.ack() >= recoverUntil) {
                    // one back-off per loss episode, as TCP's fast recovery
                    ssthresh = Math.max(1, cwnd / 2);
                    cwnd = ssthresh;
                    recoverUntil = nextSeq - 1;
                }
                resend.add(retransmit(p, now));
            }
        }
    }

    private ByteBuf retransmit(OutPacket p, long now) {
        p.retransmitted = true;
        p.sentNanos = now;
        retransmissions++;
        return p.buf.retainedDuplicate();
    }

    /** The timer (event loop): retransmits, probes, detects silence; true once the route is done and can go. */
    boolean onTick(long now) {
        List<ByteBuf> out = new ArrayList<>();
        boolean changed = false;
        lock.lock();
        try {
            if (released) {
                return closed;
            }
            if (closed && (unacked.isEmpty() || now - lingerUntilNanos > 0)) {
                releaseAll();
                return true;
            }
            boolean busy = !unacked.isEmpty() || waitingForWindow;
            long quiet = now - Math.max(heard ? lastHeardNanos : busySinceNanos, busySinceNanos);
            if (busy && quiet > (heard ? transmitTimeoutNanos : setupTimeoutNanos)) {
                broken = IcErrors.networkError((heard ? "no acknowledgement from " : "no answer from ") + describe()
                        + " for " + TimeUnit.NANOSECONDS.toMillis(quiet) + " ms"
                        + (retransmissions > 0 ? " (" + retransmissions + " retransmissions)" : ""));
                releaseAll();
                changed = true;
                return closed;
            }
            long rto = rtt.rtoNanos(backoff);
            boolean expired = false;
            for (OutPacket p : unacked) {
                if (!p.sacked && now - p.sentNanos >= rto) {
                    out.add(retransmit(p, now));
                    expired = true;
                }
            }
            if (expired) {
                backoff++;
                ssthresh = Math.max(1, cwnd / 2);
                cwnd = 1;
                recoverUntil = nextSeq - 1;
            } else if (unacked.isEmpty() && waitingForWindow
                    && now - Math.max(lastHeardNanos, lastProbeNanos) >= rtt.rtoNanos(probes)) {
                out.add(Packets.header(link.alloc(), Packets.PROBE, 0, id, nextSeq, 0, 0, 0));
                lastProbeNanos = now;
                probes++;
            }
            return false;
        } finally {
            lock.unlock();
            out.forEach(b -> link.send(b, peer));
            if (changed) {
                signal.signal();
            }
        }
    }

    /** True once everything sent was acknowledged (or the receiver stopped): end of stream arrived. */
    boolean isDrained() {
        lock.lock();
        try {
            return stopped || (broken == null && unacked.isEmpty());
        } finally {
            lock.unlock();
        }
    }

    /** True while the receiver's window is shut: the next packet is past what it granted. */
    boolean isWindowShut() {
        lock.lock();
        try {
            return nextSeq > peerWindowEnd;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isStopped() {
        lock.lock();
        try {
            return stopped;
        } finally {
            lock.unlock();
        }
    }

    boolean isBroken() {
        lock.lock();
        try {
            return broken != null;
        } finally {
            lock.unlock();
        }
    }

    /** A fresh exception for each raise, with the raising thread's stack. */
    SqlException brokenError() {
        lock.lock();
        try {
            return IcErrors.interconnect(broken != null ? broken : describe() + " is closed");
        } finally {
            lock.unlock();
        }
    }

    /**
     * The sender closed: a stream that did not end ends with {@code error}; the route keeps resending
     * until the receiver has it all (or a bound passes), then the timer lets it go.
     */
    @Override
    public void close(String error) {
        fail(error);
        lock.lock();
        try {
            closed = true;
            waitingForWindow = false;
            lingerUntilNanos = System.nanoTime() + Math.min(LINGER_NANOS, transmitTimeoutNanos);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The process closes: a stream that did not end is told so, best effort (twice, with no
     * retransmission: there is no process left to do it); everything is released.
     */
    void abort(String error) {
        ByteBuf packet = null;
        lock.lock();
        try {
            if (released) {
                return;
            }
            if ((!ended || !unacked.isEmpty()) && !stopped && broken == null) {
                byte[] bytes = error.getBytes(StandardCharsets.UTF_8);
                packet = Packets.header(link.alloc(), Packets.DATA, Packets.ERROR, id, nextSeq++, 0, 0, bytes.length)
                        .writeBytes(bytes);
            }
            broken = error;
            closed = true;
            releaseAll();
        } finally {
            lock.unlock();
        }
        if (packet != null) {
            link.send(packet.retainedDuplicate(), peer);
            link.send(packet, peer);
        }
        signal.signal();
    }

    private void releaseAll() {
        unacked.forEach(p -> p.buf.release());
        unacked.clear();
        released = true;
        waitingForWindow = false;
    }

    long retransmissions() {
        lock.lock();
        try {
            return retransmissions;
        } finally {
            lock.unlock();
        }
    }

    String describe() {
        return "receiver " + id.receiver() + " of motion " + id.key() + " at " + endpoint;
    }
}
