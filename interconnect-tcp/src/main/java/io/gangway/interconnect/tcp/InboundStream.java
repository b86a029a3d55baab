package io.gangway.interconnect.tcp;

import io.gangway.spi.interconnect.MotionStreamKey;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The receiving end of one stream (one connection): the chunks a sender sent that the receiver has
 * not taken yet, and how the stream ended.
 *
 * <p>Flow control: once {@code queueDepth} chunks wait, the connection stops reading
 * ({@code autoRead} off), so the sender's socket and then its write buffer fill and its
 * {@code send} blocks; taking a chunk below the depth resumes reading. A stream nobody claimed yet
 * (parked in the {@link StreamRegistry}) is held back the same way. The event loop calls the
 * {@code on…} methods; the receiver's thread calls {@link #poll()}; any thread may stop or release.
 */
final class InboundStream {
    /** How long a refused stream waits for its sender to hang up before closing the connection itself. */
    private static final long REJECT_GRACE_SECONDS = 10;

    private final Channel channel;
    private final IcMessage.Handshake handshake;
    private final int queueDepth;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private volatile ChangeSignal listener = new ChangeSignal();
    // guarded by lock
    private boolean ended;
    private @Nullable String failure;
    private boolean stopped;
    private boolean paused;

    InboundStream(Channel channel, IcMessage.Handshake handshake, int queueDepth) {
        this.channel = channel;
        this.handshake = handshake;
        this.queueDepth = queueDepth;
    }

    MotionStreamKey key() {
        return handshake.key();
    }

    int senderIndex() {
        return handshake.senderIndex();
    }

    int receiverIndex() {
        return handshake.receiverIndex();
    }

    /** The receiver to wake on every change from now on. */
    void listenWith(ChangeSignal signal) {
        listener = signal;
        signal.signal();
    }

    void onData(byte[] chunk) {
        lock.lock();
        try {
            if (stopped || ended || failure != null) {
                return; // a stopped receiver drops what still comes; nothing follows an end
            }
            chunks.add(chunk);
            if (chunks.size() >= queueDepth && !paused) {
                paused = true;
                channel.config().setAutoRead(false);
            }
        } finally {
            lock.unlock();
        }
        listener.signal();
    }

    void onEnd() {
        lock.lock();
        try {
            if (failure == null) {
                ended = true;
            }
        } finally {
            lock.unlock();
        }
        listener.signal();
    }

    /** The stream failed; the first failure wins, and a stream that ended cleanly stays ended. */
    void onFailure(String message) {
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

    void onClosed() {
        onFailure("connection to " + describe() + " closed prematurely");
    }

    /** The next chunk, or null if none waits now. */
    byte @Nullable [] poll() {
        lock.lock();
        try {
            byte[] chunk = chunks.poll();
            if (chunk != null && paused && chunks.size() < queueDepth) {
                paused = false;
                channel.config().setAutoRead(true);
            }
            return chunk;
        } finally {
            lock.unlock();
        }
    }

    /** True once the sender's end-of-stream came and every chunk was taken. */
    boolean isEnded() {
        lock.lock();
        try {
            return ended && chunks.isEmpty();
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

    /** Tells the sender to stop, and from now on reads and drops whatever it still sends. */
    void stop() {
        if (dropFromNowOn() && channel.isActive()) {
            // best effort: a sender whose connection is already gone needs no stop
            channel.writeAndFlush(IcMessage.Stop.INSTANCE);
        }
    }

    /**
     * Refuses the stream: the sender's next send raises {@code message}. The connection is not
     * closed at once but drained until the sender closes it (or a grace period passes): closing a
     * socket with unread data resets it, and the reset could overtake the error on its way.
     */
    void reject(String message) {
        onFailure(message);
        dropFromNowOn();
        if (channel.isActive()) {
            channel.writeAndFlush(new IcMessage.Error(message));
            ScheduledFuture<?> force = channel.eventLoop().schedule(() -> channel.close(), REJECT_GRACE_SECONDS, TimeUnit.SECONDS);
            channel.closeFuture().addListener(f -> force.cancel(false));
        }
    }

    /** From now on drop what comes, reading on so the sender is not held back; false if already so. */
    private boolean dropFromNowOn() {
        lock.lock();
        try {
            if (stopped) {
                return false;
            }
            stopped = true;
            chunks.clear();
            if (paused) {
                paused = false;
                channel.config().setAutoRead(true);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Drops what is queued and closes the connection once what was written to the sender has gone. */
    void release() {
        lock.lock();
        try {
            chunks.clear();
        } finally {
            lock.unlock();
        }
        if (channel.isActive()) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    String describe() {
        return "sender " + senderIndex() + " of motion " + key() + " at " + channel.remoteAddress();
    }
}
