package io.gangway.interconnect.tcp;

import io.gangway.interconnect.support.ChunkQueue;
import io.gangway.interconnect.support.FlowControl;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The receiving end of one stream (one connection): its {@link ChunkQueue}, and what the queue's
 * changes mean for the connection.
 *
 * <p>Flow control: once the queue is at its depth the connection stops reading ({@code autoRead}
 * off), so the sender's socket and then its write buffer fill and its {@code send} blocks; taking a
 * chunk below the depth resumes reading. A stream nobody claimed yet (parked in the rendezvous) is
 * held back the same way. Stop writes {@code S}; a refusal writes {@code X} and drains the
 * connection; release closes it.
 */
final class InboundStream implements FlowControl {
    /** How long a refused stream waits for its sender to hang up before closing the connection itself. */
    private static final long REJECT_GRACE_SECONDS = 10;

    private final Channel channel;
    private final ChunkQueue queue;

    InboundStream(Channel channel, IcMessage.Handshake handshake, int queueDepth) {
        this.channel = channel;
        this.queue = new ChunkQueue(handshake.key(), handshake.senderIndex(), handshake.receiverIndex(), queueDepth, this);
    }

    ChunkQueue queue() {
        return queue;
    }

    /** The connection closed: before the end, the stream failed. */
    void onClosed() {
        queue.fail("connection to " + describe() + " closed prematurely");
    }

    @Override
    public void pause() {
        channel.config().setAutoRead(false);
    }

    @Override
    public void resume() {
        channel.config().setAutoRead(true);
    }

    @Override
    public void stop() {
        if (channel.isActive()) {
            // best effort: a sender whose connection is already gone needs no stop
            channel.writeAndFlush(IcMessage.Stop.INSTANCE);
        }
    }

    /**
     * The sender's next send raises {@code reason}. The connection is not closed at once but drained
     * until the sender closes it (or a grace period passes): closing a socket with unread data resets
     * it, and the reset could overtake the error on its way.
     */
    @Override
    public void refuse(String reason) {
        if (channel.isActive()) {
            channel.writeAndFlush(new IcMessage.Error(reason));
            ScheduledFuture<?> force = channel.eventLoop().schedule(() -> channel.close(), REJECT_GRACE_SECONDS, TimeUnit.SECONDS);
            channel.closeFuture().addListener(f -> force.cancel(false));
        }
    }

    /** Closes the connection once what was written to the sender has gone; an unfinished sender sees it closed. */
    @Override
    public void release(boolean finished) {
        if (channel.isActive()) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public String describe() {
        return "sender " + queue.senderIndex() + " of motion " + queue.key() + " at " + channel.remoteAddress();
    }
}
