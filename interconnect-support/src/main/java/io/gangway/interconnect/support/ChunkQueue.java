package io.gangway.interconnect.support;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.interconnect.MotionStreamKey;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The receiving end of one stream (one sender to one receiver of a motion): the chunks the sender
 * sent that the receiver has not taken yet, and how the stream ended.
 *
 * <p>The transport feeds it ({@link #add}, {@link #end}, {@link #fail}) from its own threads; the
 * receiver's thread takes from it ({@link #poll}); the receiver and the {@link StreamRendezvous} stop,
 * refuse or release it from any thread. Its {@link FlowControl} hears when it fills to its depth and
 * drains below it, so a slow consumer holds its sender back: a queue holds at most {@code depth}
 * chunks plus what the transport had already received when it paused.
 *
 * <p>Endings: the first of end-of-stream and failure wins (a stream that ended cleanly stays ended);
 * once stopped, refused or released, what still comes is dropped.
 */
public final class ChunkQueue {
    private final MotionStreamKey key;
    private final int senderIndex;
    private final int receiverIndex;
    private final int depth;
    private final FlowControl flow;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private volatile ChangeSignal listener = new ChangeSignal();
    // guarded by lock
    private boolean ended;
    private @Nullable String failure;
    private boolean dropping;
    private boolean stopped;
    private boolean paused;
    private boolean released;

    public ChunkQueue(MotionStreamKey key, int senderIndex, int receiverIndex, int depth, FlowControl flow) {
        this.key = requireNonNull(key, "key is null");
        this.flow = requireNonNull(flow, "flow is null");
        if (senderIndex < 0 || receiverIndex < 0 || depth < 1) {
            throw new IllegalArgumentException("sender " + senderIndex + ", receiver " + receiverIndex + ", depth " + depth);
        }
        this.senderIndex = senderIndex;
        this.receiverIndex = receiverIndex;
        this.depth = depth;
    }

    public MotionStreamKey key() {
        return key;
    }

    public int senderIndex() {
        return senderIndex;
    }

    public int receiverIndex() {
        return receiverIndex;
    }

    /** The receiver to wake on every change from now on. */
    public void listenWith(ChangeSignal signal) {
        listener = signal;
        signal.signal();
    }

    // ---- the transport's side

    /**
     * A chunk came; the queue owns the array from now on. False if it was dropped: the stream was
     * stopped, refused or released, or had ended.
     */
    public boolean add(byte[] chunk) {
        requireNonNull(chunk, "chunk is null");
        lock.lock();
        try {
            if (dropping || released || ended || failure != null) {
                return false;
            }
            chunks.add(chunk);
            if (chunks.size() >= depth && !paused) {
                paused = true;
                flow.pause();
            }
        } finally {
            lock.unlock();
        }
        listener.signal();
        return true;
    }

    /** The sender's end-of-stream came: after the queued chunks, the stream ends. */
    public void end() {
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

    /** The stream failed; the receiver raises {@code message}. The first ending wins. */
    public void fail(String message) {
        requireNonNull(message, "message is null");
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

    // ---- the receiver's side

    /** The next chunk, or null if none waits now. */
    public byte @Nullable [] poll() {
        byte[] chunk;
        lock.lock();
        try {
            chunk = chunks.poll();
            if (chunk != null && paused && chunks.size() < depth) {
                paused = false;
                flow.resume();
            }
        } finally {
            lock.unlock();
        }
        if (chunk != null) {
            flow.taken();
        }
        return chunk;
    }

    /** True once the sender's end-of-stream came and every chunk was taken. */
    public boolean isEnded() {
        lock.lock();
        try {
            return ended && chunks.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** True once the end-of-stream came, whether or not every chunk was taken. */
    public boolean hasEnd() {
        lock.lock();
        try {
            return ended;
        } finally {
            lock.unlock();
        }
    }

    /** True if nothing more is expected: the stream ended, failed, or was stopped or refused. */
    public boolean isFinished() {
        lock.lock();
        try {
            return ended || failure != null || dropping;
        } finally {
            lock.unlock();
        }
    }

    /** True once the receiver stopped the stream: its transport acknowledges with "stop". */
    public boolean isStopped() {
        lock.lock();
        try {
            return stopped;
        } finally {
            lock.unlock();
        }
    }

    /** Why the stream failed, or null. */
    public @Nullable String failure() {
        lock.lock();
        try {
            return failure;
        } finally {
            lock.unlock();
        }
    }

    /** Tells the sender to stop (once), and from now on drops what it still sends. */
    public void stop() {
        if (dropFromNowOn(true)) {
            flow.stop();
        }
        listener.signal();
    }

    /** Refuses the stream (once): it fails with {@code reason}, and the sender is told so. */
    public void refuse(String reason) {
        fail(reason);
        if (dropFromNowOn(false)) {
            flow.refuse(reason);
        }
    }

    /** The receiver is done with the stream: drops what is queued and lets the transport release it (once). */
    public void release() {
        boolean finished;
        lock.lock();
        try {
            if (released) {
                return;
            }
            released = true;
            finished = ended || failure != null || dropping;
            chunks.clear();
            resumeIfPaused();
        } finally {
            lock.unlock();
        }
        flow.release(finished);
    }

    /** Drops what is queued and what comes from now on; false if already dropping. */
    private boolean dropFromNowOn(boolean stop) {
        lock.lock();
        try {
            if (dropping) {
                return false;
            }
            dropping = true;
            stopped = stop;
            chunks.clear();
            resumeIfPaused();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void resumeIfPaused() {
        if (paused) {
            paused = false;
            flow.resume();
        }
    }

    public String describe() {
        return flow.describe();
    }
}
