package io.gangway.interconnect.udp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The receiving end of one stream: restores the order of its packets, drops duplicates, rebuilds
 * chunks from their pieces and queues them for the receiver, and says in every acknowledgement how
 * far it got and how much more the sender may send.
 *
 * <p>Window: the sender may send up to seq {@code windowEnd}; it is {@code queueDepth} packets past the
 * last in-order one, and stops moving while {@code queueDepth} complete chunks wait for the consumer.
 * So a stream holds at most {@code queueDepth} chunks, one chunk being rebuilt and {@code queueDepth}
 * out-of-order packets, however slow its consumer. A stopped stream drops what comes but keeps acking,
 * with STOP, so its sender learns to stop.
 *
 * <p>The event loop calls {@link #onData}/{@link #ack}; the receiver's thread {@link #poll()}s; any
 * thread may stop or end it.
 */
final class InboundStream {
    private final StreamId id;
    private final int depth;
    private final long createdNanos = System.nanoTime();
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private final TreeMap<Integer, Piece> ahead = new TreeMap<>();
    private volatile ChangeSignal listener = new ChangeSignal();
    // guarded by lock
    private @Nullable InetSocketAddress peer;
    private int expected = 1;
    private int windowEnd;
    private int advertised;
    private byte @Nullable [] assembling;
    private int filled;
    private boolean ended;
    private @Nullable String failure;
    private boolean stopped;
    /** Event-loop only: already listed for an ack at the end of this read burst. */
    boolean ackQueued;

    private record Piece(int flags, byte[] payload) {}

    InboundStream(StreamId id, int queueDepth) {
        this.id = id;
        this.depth = queueDepth;
        this.windowEnd = queueDepth;
        this.advertised = queueDepth;
    }

    StreamId id() {
        return id;
    }

    long createdNanos() {
        return createdNanos;
    }

    /** The receiver to wake on every change from now on. */
    void listenWith(ChangeSignal signal) {
        listener = signal;
        signal.signal();
    }

    /**
     * A DATA packet (event loop); the buffer's reader index is at its payload. Returns whether the
     * sender should hear from us (always, now: every arrival is acknowledged, duplicates included,
     * since a duplicate usually means our ack was lost).
     */
    boolean onData(Packets.Header h, ByteBuf payload, InetSocketAddress from) {
        boolean changed = false;
        lock.lock();
        try {
            peer = from;
            int seq = h.seq();
            if ((h.flags() & Packets.ERROR) != 0) {
                // an error ends the stream at once, whatever is missing before it: the statement fails anyway
                if (seq >= expected) {
                    if (!ended && failure == null) {
                        failure = payload.toString(payload.readerIndex(), payload.readableBytes(), StandardCharsets.UTF_8);
                        changed = true;
                    }
                    expected = seq + 1;
                    windowEnd = Math.max(windowEnd, expected - 1 + depth);
                    ahead.clear();
                }
                return true;
            }
            if (seq < expected || seq > windowEnd || ahead.containsKey(seq)) {
                return true; // a duplicate, or past the window we granted: dropped, the ack says where we are
            }
            if (seq > expected) {
                byte[] bytes = new byte[payload.readableBytes()];
                payload.readBytes(bytes);
                ahead.put(seq, new Piece(h.flags(), bytes));
                return true;
            }
            changed = accept(h.flags(), payload);
            expected++;
            for (Piece next = ahead.remove(expected); next != null; next = ahead.remove(expected)) {
                changed |= accept(next.flags(), Unpooled.wrappedBuffer(next.payload()));
                expected++;
            }
            openWindow();
            return true;
        } finally {
            lock.unlock();
            if (changed) {
                listener.signal();
            }
        }
    }

    /** Takes the next in-order piece; whether the consumer has something new (a chunk, the end). */
    private boolean accept(int flags, ByteBuf payload) {
        if ((flags & Packets.END_OF_STREAM) != 0) {
            ended = true;
            return true;
        }
        if ((flags & Packets.OPEN) != 0) {
            return false;
        }
        if ((flags & Packets.CHUNK_START) != 0) {
            assembling = new byte[payload.readInt()];
            filled = 0;
        }
        byte[] target = assembling;
        if (target == null) {
            return false; // a piece whose start we dropped (after stop): nothing to rebuild
        }
        int n = Math.min(payload.readableBytes(), target.length - filled);
        payload.readBytes(target, filled, n);
        filled += n;
        if (filled < target.length) {
            return false;
        }
        assembling = null;
        if (!stopped) {
            chunks.add(target);
        }
        return true;
    }

    /** Moves the window on unless the consumer's queue is full (a stopped stream's never is). */
    private void openWindow() {
        if (chunks.size() < depth) {
            windowEnd = Math.max(windowEnd, expected - 1 + depth);
        }
    }

    /** A PROBE came: remember where the sender is; the caller answers with {@link #ack}. */
    void onProbe(InetSocketAddress from) {
        lock.lock();
        try {
            peer = from;
        } finally {
            lock.unlock();
        }
    }

    /** The acknowledgement that says where this stream is now, and where to send it; null if no peer is known yet. */
    @Nullable Outgoing ack(ByteBufAllocator alloc) {
        lock.lock();
        try {
            if (peer == null) {
                return null;
            }
            int sacks = Math.min(ahead.size(), Packets.MAX_SACKS);
            ByteBuf buf = Packets.header(alloc, Packets.ACK, stopped ? Packets.STOP : 0, id, 0, expected - 1, windowEnd, sacks * 4);
            Iterator<Integer> it = ahead.keySet().iterator();
            for (int i = 0; i < sacks; i++) {
                buf.writeInt(it.next());
            }
            advertised = windowEnd;
            return new Outgoing(buf, peer);
        } finally {
            lock.unlock();
        }
    }

    /** A refusal to send the sender, so its next send fails with {@code reason}; null if no peer is known. */
    @Nullable Outgoing refusal(ByteBufAllocator alloc, String reason) {
        lock.lock();
        try {
            return peer == null ? null : refusal(alloc, id, reason, expected - 1, peer);
        } finally {
            lock.unlock();
        }
    }

    static Outgoing refusal(ByteBufAllocator alloc, StreamId id, String reason, int ack, InetSocketAddress to) {
        byte[] message = reason.getBytes(StandardCharsets.UTF_8);
        ByteBuf buf = Packets.header(alloc, Packets.ACK, Packets.REFUSED, id, 0, ack, ack, message.length);
        return new Outgoing(buf.writeBytes(message), to);
    }

    /** A packet to send. */
    record Outgoing(ByteBuf packet, InetSocketAddress to) {}

    /**
     * The next chunk, or null if none waits now (receiver's thread). When taking it reopens a window
     * the sender has (nearly) used up, {@code windowUpdate} gets an ack to send, so a sender held
     * back by a full queue goes on without waiting for its probe.
     */
    byte @Nullable [] poll(ByteBufAllocator alloc, Outgoing[] windowUpdate) {
        lock.lock();
        try {
            byte[] chunk = chunks.poll();
            if (chunk != null) {
                openWindow();
                int credit = advertised - (expected - 1);
                if (windowEnd > advertised && credit < Math.max(1, depth / 2)) {
                    windowUpdate[0] = ack(alloc);
                }
            }
            return chunk;
        } finally {
            lock.unlock();
        }
    }

    /** True once end-of-stream came in order and every chunk was taken. */
    boolean isEnded() {
        lock.lock();
        try {
            return ended && chunks.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** True if the stream ended, cleanly or not, or was stopped: nothing more is expected from it. */
    boolean isFinished() {
        lock.lock();
        try {
            return ended || failure != null || stopped;
        } finally {
            lock.unlock();
        }
    }

    @Nullable String failure() {
        lock.lock();
        try {
            return failure;
        } finally {
            lock.unlock();
        }
    }

    /** The stream failed (refused, or its receiver is gone); the first failure wins. */
    void fail(String message) {
        lock.lock();
        try {
            if (!ended && failure == null) {
                failure = message;
            }
        } finally {
            lock.unlock();
        }
        listener.signal();
    }

    /** From now on drop what comes, ack it with STOP; the caller sends {@link #ack} so the sender hears at once. */
    void stop() {
        lock.lock();
        try {
            stopped = true;
            chunks.clear();
            ahead.clear();
            assembling = null;
            windowEnd = Math.max(windowEnd, expected - 1 + depth);
        } finally {
            lock.unlock();
        }
        listener.signal();
    }

    /** Drops everything queued (the receiver closed). */
    void clear() {
        lock.lock();
        try {
            chunks.clear();
            ahead.clear();
            assembling = null;
        } finally {
            lock.unlock();
        }
    }

    String describe() {
        lock.lock();
        try {
            return "sender " + id.sender() + " of motion " + id.key() + (peer == null ? "" : " at " + peer);
        } finally {
            lock.unlock();
        }
    }
}
