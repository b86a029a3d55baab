package io.gangway.interconnect.support;

import io.gangway.spi.interconnect.Endpoint;
import org.jspecify.annotations.Nullable;

/**
 * One route of a {@link LocalSender}: the stream to one receiver, which is the receiver's
 * {@link ChunkQueue} itself. As the queue's {@link FlowControl} it learns when the queue is full
 * (the send waits), when it drains, and whether the receiver stopped, refused or left the stream.
 */
final class LocalRoute implements FlowControl, RoutedSender.Route {
    private final LocalSender sender;
    private final int index;
    private final Endpoint target;
    private final Endpoint from;
    private volatile @Nullable ChunkQueue queue;
    private volatile boolean paused;
    private volatile boolean stopped;
    private volatile @Nullable String broken;

    LocalRoute(LocalSender sender, int index, Endpoint target, Endpoint from) {
        this.sender = sender;
        this.index = index;
        this.target = target;
        this.from = from;
    }

    Endpoint target() {
        return target;
    }

    /** The stream to offer the receiving process. */
    ChunkQueue open(int depth) {
        ChunkQueue q = new ChunkQueue(sender.key(), sender.senderIndex(), index, depth, this);
        queue = q;
        return q;
    }

    @Nullable ChunkQueue queue() {
        return queue;
    }

    boolean isPaused() {
        return paused;
    }

    @Override
    public boolean isStopped() {
        return stopped;
    }

    @Nullable String broken() {
        return broken;
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
        sender.signal().signal();
    }

    @Override
    public void stop() {
        stopped = true;
        sender.signal().signal();
    }

    @Override
    public void refuse(String reason) {
        breakWith(reason);
    }

    @Override
    public void release(boolean finished) {
        if (!finished) {
            breakWith("receiver " + index + " of motion " + sender.key() + " at " + target + " closed");
        }
    }

    void breakWith(String reason) {
        if (broken == null && !stopped) {
            broken = reason;
        }
        sender.signal().signal();
    }

    /** Ends the stream with an error, unless it ended (the queue keeps its first ending). */
    @Override
    public void fail(String message) {
        ChunkQueue q = queue;
        if (q != null) {
            q.fail(message);
        }
    }

    @Override
    public void close(String error) {
        fail(error);
    }

    @Override
    public String describe() {
        return "sender " + sender.senderIndex() + " of motion " + sender.key() + " at " + from;
    }

    String describeReceiver() {
        return "receiver " + index + " of motion " + sender.key() + " at " + target;
    }
}
