package io.gangway.interconnect.tcp;

import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.interconnect.MotionStreamKey;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.group.ChannelGroup;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One QE's sending end of a motion: a {@link SenderRoute} (one TCP connection) per receiver.
 *
 * <p>{@link #send} takes ownership of the chunk (it is written from the event loop later, so the
 * caller must not change the array afterwards) and blocks, on the caller's thread, while the route's
 * channel is not writable: its write buffer is above the high water mark because the receiver reads
 * slower than this sender writes. Stop, a broken connection and {@link #close()} from another
 * thread all wake it.
 */
final class TcpMotionSender implements MotionSender {
    private static final long RECHECK_NANOS = ChangeSignal.nanos(250);

    private final MotionStreamKey key;
    private final int senderIndex;
    private final int maxFrameLength;
    private final ChannelGroup channels;
    private final List<SenderRoute> routes;
    private final ChangeSignal signal = new ChangeSignal();
    private volatile boolean closed;
    private volatile boolean finished;
    private volatile @Nullable String failure;

    TcpMotionSender(MotionStreamKey key, int senderIndex, List<Endpoint> receivers, int maxFrameLength, ChannelGroup channels) {
        this.key = key;
        this.senderIndex = senderIndex;
        this.maxFrameLength = maxFrameLength;
        this.channels = channels;
        SenderRoute[] built = new SenderRoute[receivers.size()];
        for (int r = 0; r < built.length; r++) {
            built[r] = new SenderRoute(this, r, receivers.get(r));
        }
        this.routes = List.of(built);
    }

    /** Starts connecting every route; sends wait for their route's connection. */
    void start(Bootstrap template, long setupDeadlineNanos) {
        routes.forEach(route -> route.connect(template, setupDeadlineNanos));
    }

    MotionStreamKey key() {
        return key;
    }

    int senderIndex() {
        return senderIndex;
    }

    int maxFrameLength() {
        return maxFrameLength;
    }

    boolean isClosed() {
        return closed;
    }

    @Nullable String failure() {
        return failure;
    }

    ChangeSignal signal() {
        return signal;
    }

    void track(Channel channel) {
        channels.add(channel);
    }

    @Override
    public int routeCount() {
        return routes.size();
    }

    @Override
    public boolean send(int route, byte[] chunk) {
        SenderRoute r = route(route);
        if (chunk.length + IcFrames.TYPE_SIZE > maxFrameLength) {
            throw IcErrors.interconnect("chunk of " + chunk.length + " bytes exceeds interconnect_max_frame_length ("
                    + maxFrameLength + ")");
        }
        if (finished || failure != null) {
            throw new IllegalStateException("send after finish or fail on motion " + key);
        }
        Channel ch = awaitChannel(r, Channel::isWritable);
        if (ch == null) {
            return false;
        }
        ch.writeAndFlush(new IcMessage.Data(chunk)).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                r.onBroken("could not send to " + r.describe() + ": " + IcErrors.describe(f.cause()), f.cause());
            }
        });
        return true;
    }

    /**
     * Waits until the route is connected and {@code ready}; null if the receiver stopped. Throws if
     * the route broke or this sender was closed.
     */
    private @Nullable Channel awaitChannel(SenderRoute r, Predicate<Channel> ready) {
        while (true) {
            long seen = signal.generation();
            if (closed) {
                throw IcErrors.canceled();
            }
            if (r.isStopped()) {
                return null;
            }
            if (r.isBroken()) {
                throw r.brokenError();
            }
            Channel ch = r.channel();
            if (ch != null && ready.test(ch)) {
                return ch;
            }
            signal.awaitChange(seen, RECHECK_NANOS);
        }
    }

    @Override
    public boolean allStopped() {
        return routes.stream().allMatch(SenderRoute::isStopped);
    }

    @Override
    public void finish() {
        if (finished) {
            return;
        }
        if (failure != null) {
            throw new IllegalStateException("finish after fail on motion " + key);
        }
        ChannelFuture[] written = new ChannelFuture[routes.size()];
        for (SenderRoute r : routes) {
            if (awaitChannel(r, ch -> true) != null) {
                written[r.index()] = r.endOfStream();
                if (written[r.index()] != null) {
                    written[r.index()].addListener(f -> signal.signal());
                }
            }
        }
        finished = true;
        for (SenderRoute r : routes) {
            ChannelFuture f = written[r.index()];
            while (f != null && !f.isDone() && !r.isStopped()) {
                long seen = signal.generation();
                if (closed) {
                    throw IcErrors.canceled();
                }
                if (!f.isDone()) {
                    signal.awaitChange(seen, RECHECK_NANOS);
                }
            }
            if (f != null && !f.isSuccess() && !r.isStopped()) {
                throw IcErrors.interconnect("could not send end of stream to " + r.describe() + ": "
                        + IcErrors.describe(f.cause()), f.cause());
            }
        }
    }

    @Override
    public void fail(String message) {
        failure = message;
        routes.forEach(r -> r.endWithError(message));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        routes.forEach(SenderRoute::terminate);
        signal.signal();
    }

    private SenderRoute route(int route) {
        if (route < 0 || route >= routes.size()) {
            throw new IllegalArgumentException("route " + route + " out of range 0.." + (routes.size() - 1));
        }
        return routes.get(route);
    }
}
