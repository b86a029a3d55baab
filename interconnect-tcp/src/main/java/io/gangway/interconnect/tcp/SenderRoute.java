package io.gangway.interconnect.tcp;

import io.gangway.api.SqlException;
import io.gangway.interconnect.support.IcErrors;
import io.gangway.interconnect.support.RoutedSender;
import io.gangway.spi.interconnect.Endpoint;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One route of a {@link TcpMotionSender}: the connection to one receiver, set up in the background
 * (retrying with backoff until the setup timeout, since a receiving process may listen late), and
 * what the receiver told it (stop, or an error). Event-loop callbacks change its state and wake the
 * sender's thread through the sender's signal.
 */
final class SenderRoute implements RoutedSender.Route {
    private static final long FIRST_BACKOFF_MILLIS = 10;
    private static final long MAX_BACKOFF_MILLIS = 1000;
    /** How long a closing route waits for its last frames to leave before it closes anyway. */
    private static final long CLOSE_GRACE_SECONDS = 10;

    private final TcpMotionSender sender;
    private final int index;
    private final Endpoint endpoint;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean terminated = new AtomicBoolean();
    private volatile @Nullable Channel channel;
    private volatile boolean stopped;
    private volatile @Nullable String brokenMessage;
    private volatile @Nullable Throwable brokenCause;

    SenderRoute(TcpMotionSender sender, int index, Endpoint endpoint) {
        this.sender = sender;
        this.index = index;
        this.endpoint = endpoint;
    }

    int index() {
        return index;
    }

    @Nullable Channel channel() {
        return channel;
    }

    @Override
    public boolean isStopped() {
        return stopped;
    }

    boolean isBroken() {
        return brokenMessage != null;
    }

    /** A fresh exception for each raise, so each has the raising thread's stack. */
    SqlException brokenError() {
        String message = brokenMessage;
        return IcErrors.interconnect(message == null ? "route " + index + " is not broken" : message, brokenCause);
    }

    void connect(Bootstrap template, long deadlineNanos) {
        connect(template, deadlineNanos, FIRST_BACKOFF_MILLIS);
    }

    private void connect(Bootstrap template, long deadlineNanos, long backoffMillis) {
        if (sender.isClosed()) {
            return;
        }
        template.clone()
                .handler(new SenderChannelInitializer(this, sender.maxFrameLength()))
                .connect(endpoint.host(), endpoint.port())
                .addListener((ChannelFuture f) -> {
                    if (f.isSuccess()) {
                        onConnected(f.channel());
                    } else if (retriable(f.cause()) && System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMillis) - deadlineNanos < 0) {
                        f.channel().eventLoop().schedule(
                                () -> connect(template, deadlineNanos, Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS)),
                                backoffMillis, TimeUnit.MILLISECONDS);
                    } else {
                        onBroken("could not connect to receiver " + index + " of motion " + sender.key() + " at "
                                + endpoint + ": " + IcErrors.describe(f.cause()), f.cause());
                    }
                });
    }

    private static boolean retriable(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof ConnectTimeoutException;
    }

    private void onConnected(Channel ch) {
        sender.track(ch);
        ch.writeAndFlush(new IcMessage.Handshake(sender.key(), sender.senderIndex(), index, sender.secret()));
        channel = ch;
        // close() or fail() may have looked for the channel before it was set
        String failure = sender.failure();
        if (sender.isClosed()) {
            close("sender " + sender.senderIndex() + " of motion " + sender.key() + " closed before end of stream");
        } else if (failure != null) {
            fail(failure);
        }
        sender.signal().signal();
    }

    /** Writes end-of-stream, unless the route already ended; null if there was nothing to write. */
    @Nullable ChannelFuture endOfStream() {
        Channel ch = channel;
        if (ch == null || !ended.compareAndSet(false, true)) {
            return null;
        }
        return ch.writeAndFlush(IcMessage.EndOfStream.INSTANCE);
    }

    /** Ends the route with an error the receiver raises, unless it already ended or is not connected yet. */
    @Override
    public void fail(String message) {
        Channel ch = channel;
        if (ch != null && ended.compareAndSet(false, true) && ch.isActive()) {
            // best effort: a receiver already gone has no use for the error
            ch.writeAndFlush(new IcMessage.Error(message));
        }
    }

    /** Closes the route once; a route that did not end cleanly ends with {@code error} first. */
    @Override
    public void close(String error) {
        Channel ch = channel;
        if (ch == null || !terminated.compareAndSet(false, true) || !ch.isActive()) {
            return;
        }
        fail(error);
        ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        // a receiver that reads no more would keep the last frames (and the connection) forever
        ScheduledFuture<?> force = ch.eventLoop().schedule(() -> ch.close(), CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
        ch.closeFuture().addListener(f -> force.cancel(false));
    }

    void onStop() {
        stopped = true;
        sender.signal().signal();
    }

    void onBroken(String message, @Nullable Throwable cause) {
        if (brokenMessage == null && !stopped) {
            brokenCause = cause;
            brokenMessage = message;
        }
        sender.signal().signal();
    }

    void onInactive() {
        onBroken("connection to receiver " + index + " of motion " + sender.key() + " at " + endpoint + " closed", null);
    }

    void onWritabilityChanged() {
        sender.signal().signal();
    }

    String describe() {
        return "receiver " + index + " of motion " + sender.key() + " at " + endpoint;
    }
}
