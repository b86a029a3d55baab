package io.gangway.interconnect.tcp;

import io.gangway.api.ClusterSecret;
import io.gangway.interconnect.support.IcErrors;
import io.gangway.interconnect.support.RoutedSender;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.interconnect.MotionStreamKey;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.group.ChannelGroup;
import java.util.ArrayList;
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
final class TcpMotionSender extends RoutedSender<SenderRoute> {
    private final int maxFrameLength;
    private final ChannelGroup channels;
    private final ClusterSecret secret;

    TcpMotionSender(MotionStreamKey key, int senderIndex, List<Endpoint> receivers, int maxFrameLength, ChannelGroup channels,
            ClusterSecret secret) {
        super(key, senderIndex);
        this.maxFrameLength = maxFrameLength;
        this.channels = channels;
        this.secret = secret;
        List<SenderRoute> built = new ArrayList<>();
        for (int r = 0; r < receivers.size(); r++) {
            built.add(new SenderRoute(this, r, receivers.get(r)));
        }
        routes(built);
    }

    /** Starts connecting every route; sends wait for their route's connection. */
    void start(Bootstrap template, long setupDeadlineNanos) {
        routeList().forEach(route -> route.connect(template, setupDeadlineNanos));
    }

    int maxFrameLength() {
        return maxFrameLength;
    }

    /** What the handshake presents to the receivers. */
    ClusterSecret secret() {
        return secret;
    }

    void track(Channel channel) {
        channels.add(channel);
    }

    @Override
    protected boolean sendOn(SenderRoute r, byte[] chunk) {
        if (chunk.length + IcFrames.TYPE_SIZE > maxFrameLength) {
            throw IcErrors.interconnect("chunk of " + chunk.length + " bytes exceeds interconnect_max_frame_length ("
                    + maxFrameLength + ")");
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
     * the route broke or this sender was closed. Waiting on a connected channel that is not ready
     * (not writable) is being held back by the receiver.
     */
    private @Nullable Channel awaitChannel(SenderRoute r, Predicate<Channel> ready) {
        while (true) {
            long seen = signal().generation();
            checkNotClosed();
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
            await(seen, ch != null ? r : null);
        }
    }

    @Override
    protected void finishRoutes() {
        List<SenderRoute> routes = routeList();
        ChannelFuture[] written = new ChannelFuture[routes.size()];
        for (SenderRoute r : routes) {
            if (awaitChannel(r, ch -> true) != null) {
                written[r.index()] = r.endOfStream();
                if (written[r.index()] != null) {
                    written[r.index()].addListener(f -> signal().signal());
                }
            }
        }
        markFinished();
        for (SenderRoute r : routes) {
            ChannelFuture f = written[r.index()];
            while (f != null && !f.isDone() && !r.isStopped()) {
                long seen = signal().generation();
                checkNotClosed();
                if (!f.isDone()) {
                    await(seen, null);
                }
            }
            if (f != null && !f.isSuccess() && !r.isStopped()) {
                throw IcErrors.interconnect("could not send end of stream to " + r.describe() + ": "
                        + IcErrors.describe(f.cause()), f.cause());
            }
        }
    }
}
