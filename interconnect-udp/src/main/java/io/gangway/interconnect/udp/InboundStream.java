package io.gangway.interconnect.udp;

import io.gangway.interconnect.support.ChunkQueue;
import io.gangway.interconnect.support.FlowControl;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The receiving end of one stream: restores the order of its packets, drops duplicates, rebuilds
 * chunks from their pieces into its {@link ChunkQueue}, and says in every acknowledgement how far it
 * got and how much more the sender may send.
 *
 * <p>Window: the sender may send up to seq {@code windowEnd}; it is {@code queueDepth} packets past the
 * last in-order one, and stops moving while the queue is full ({@link #pause()}). So a stream holds at
 * most {@code queueDepth} chunks, one chunk being rebuilt and {@code queueDepth} out-of-order packets,
 * however slow its consumer. A stopped stream drops what comes but keeps acknowledging, with STOP, so
 * its sender learns to stop; a refused or released one answers with REFUSED once and is forgotten, so
 * a later packet of it is judged again by the rendezvous.
 *
 * <p>The event loop calls {@link #onData}/{@link #ack}; the consumer's thread takes from the queue,
 * which calls {@link #taken()} here; any thread may stop or release it. Lock order: this stream's
 * lock, then the queue's.
 */
final class InboundStream implements FlowControl {
    /** What the stream needs of its interconnect: sending, and forgetting a stream that is done. */
    interface Owner {
        ByteBufAllocator alloc();

        void send(Outgoing packet);

        void forget(InboundStream stream);
    }

    /** A packet to send. */
    record Outgoing(ByteBuf packet, InetSocketAddress to) {}

    private record Piece(int flags, byte[] payload) {}

    private final StreamId id;
    private final int depth;
    private final Owner owner;
    private final ChunkQueue queue;
    private final ReentrantLock lock = new ReentrantLock();
    private final TreeMap<Integer, Piece> ahead = new TreeMap<>();
    /** The queue is at its depth: set and cleared under the queue's lock, read under ours. */
    private volatile boolean full;
    // guarded by lock
    private InetSocketAddress peer;
    private int expected = 1;
    private int windowEnd;
    private int advertised;
    private byte @Nullable [] assembling;
    private int filled;
    /** Event-loop only: already listed for an ack at the end of this read burst. */
    boolean ackQueued;

    InboundStream(StreamId id, int queueDepth, InetSocketAddress peer, Owner owner) {
        this.id = id;
        this.depth = queueDepth;
        this.peer = peer;
        this.owner = owner;
        this.windowEnd = queueDepth;
        this.advertised = queueDepth;
        this.queue = new ChunkQueue(id.key(), id.sender(), id.receiver(), queueDepth, this);
    }

    StreamId id() {
        return id;
    }

    ChunkQueue queue() {
        return queue;
    }

    /**
     * A DATA packet (event loop); the buffer's reader index is at its payload. Every arrival is
     * acknowledged by the caller, duplicates included, since a duplicate usually means our ack was lost.
     */
    void onData(Packets.Header h, ByteBuf payload, InetSocketAddress from) {
        lock.lock();
        try {
            peer = from;
            int seq = h.seq();
            if ((h.flags() & Packets.ERROR) != 0) {
                // an error ends the stream at once, whatever is missing before it: the statement fails anyway
                if (seq >= expected) {
                    queue.fail(payload.toString(payload.readerIndex(), payload.readableBytes(), StandardCharsets.UTF_8));
                    expected = seq + 1;
                    windowEnd = Math.max(windowEnd, expected - 1 + depth);
                    ahead.clear();
                }
                return;
            }
            if (seq < expected || seq > windowEnd || ahead.containsKey(seq)) {
                return; // a duplicate, or past the window we granted: dropped, the ack says where we are
            }
            if (seq > expected) {
                byte[] bytes = new byte[payload.readableBytes()];
                payload.readBytes(bytes);
                ahead.put(seq, new Piece(h.flags(), bytes));
                return;
            }
            accept(h.flags(), payload);
            expected++;
            for (Piece next = ahead.remove(expected); next != null; next = ahead.remove(expected)) {
                accept(next.flags(), Unpooled.wrappedBuffer(next.payload()));
                expected++;
            }
            openWindow();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the next in-order piece: the end, or a piece of a chunk, queued once complete. */
    private void accept(int flags, ByteBuf payload) {
        if ((flags & Packets.END_OF_STREAM) != 0) {
            queue.end();
            return;
        }
        if ((flags & Packets.OPEN) != 0) {
            return;
        }
        if ((flags & Packets.CHUNK_START) != 0) {
            assembling = new byte[payload.readInt()];
            filled = 0;
        }
        byte[] target = assembling;
        if (target == null) {
            return; // a piece whose start we dropped (after stop): nothing to rebuild
        }
        int n = Math.min(payload.readableBytes(), target.length - filled);
        payload.readBytes(target, filled, n);
        filled += n;
        if (filled == target.length) {
            assembling = null;
            queue.add(target); // dropped by a stopped queue
        }
    }

    /** Moves the window on unless the consumer's queue is full (a stopped stream's never is). */
    private void openWindow() {
        if (!full) {
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

    /** The acknowledgement that says where this stream is now, and where to send it. */
    Outgoing ack(ByteBufAllocator alloc) {
        lock.lock();
        try {
            int sacks = Math.min(ahead.size(), Packets.MAX_SACKS);
            ByteBuf buf = Packets.header(alloc, Packets.ACK, queue.isStopped() ? Packets.STOP : 0, id, 0, expected - 1,
                    windowEnd, sacks * 4);
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

    private Outgoing refusal(String reason) {
        lock.lock();
        try {
            return new Outgoing(Packets.refusal(owner.alloc(), id, reason, expected - 1), peer);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void pause() {
        full = true;
    }

    @Override
    public void resume() {
        full = false;
    }

    /**
     * The consumer took a chunk: when that reopens a window the sender has (nearly) used up, it hears
     * at once, so a sender held back by a full queue goes on without waiting for its probe.
     */
    @Override
    public void taken() {
        Outgoing update = null;
        lock.lock();
        try {
            openWindow();
            int credit = advertised - (expected - 1);
            if (windowEnd > advertised && credit < Math.max(1, depth / 2)) {
                update = ack(owner.alloc());
            }
        } finally {
            lock.unlock();
        }
        if (update != null) {
            owner.send(update);
        }
    }

    /** The receiver stopped: drop what is being rebuilt, keep the window open, and say STOP at once. */
    @Override
    public void stop() {
        Outgoing ack;
        lock.lock();
        try {
            ahead.clear();
            assembling = null;
            windowEnd = Math.max(windowEnd, expected - 1 + depth);
            ack = ack(owner.alloc());
        } finally {
            lock.unlock();
        }
        owner.send(ack);
    }

    @Override
    public void refuse(String reason) {
        owner.forget(this);
        owner.send(refusal(reason));
    }

    @Override
    public void release(boolean finished) {
        lock.lock();
        try {
            ahead.clear();
            assembling = null;
        } finally {
            lock.unlock();
        }
        owner.forget(this);
        if (!finished) {
            owner.send(refusal("receiver " + id.receiver() + " of motion " + id.key() + " closed"));
        }
    }

    @Override
    public String describe() {
        lock.lock();
        try {
            return "sender " + id.sender() + " of motion " + id.key() + " at " + peer;
        } finally {
            lock.unlock();
        }
    }
}
