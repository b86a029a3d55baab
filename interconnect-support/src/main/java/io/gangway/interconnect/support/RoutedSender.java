package io.gangway.interconnect.support;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The sending end of one motion in one QE, for any transport: a route per receiver, and the rules of
 * {@link MotionSender} that do not depend on how a route carries its chunks: index checks, no send
 * after {@code finish} or {@code fail}, {@code fail} and {@code close} reaching every route, waits
 * that a {@code close} from another thread cancels ({@code 57014}), and whether a send is held back.
 *
 * <p>A transport extends it with how one route sends ({@link #sendOn}) and ends ({@link #finishRoutes});
 * it builds its routes in its constructor and hands them over with {@link #routes(List)}. The sending
 * thread waits with {@link #await}; transport threads wake it through {@link #signal()}.
 *
 * @param <R> the transport's route
 */
public abstract class RoutedSender<R extends RoutedSender.Route> implements MotionSender {
    /** One route's part in the rules: its state, and how it ends when its sender fails or closes. */
    public interface Route {
        /** The receiver stopped this route: sends on it return false. */
        boolean isStopped();

        /** Ends the route with an error its receiver raises, unless it already ended. Never blocks for long. */
        void fail(String message);

        /** The sender closed: an unfinished route ends with {@code error}; the route lets go of what it holds. */
        void close(String error);
    }

    private final MotionStreamKey key;
    private final int senderIndex;
    private final ChangeSignal signal = new ChangeSignal();
    private List<R> routes = List.of();
    private volatile boolean closed;
    private volatile boolean finished;
    private volatile @Nullable String failure;
    private volatile @Nullable R heldBack;

    protected RoutedSender(MotionStreamKey key, int senderIndex) {
        this.key = requireNonNull(key, "key is null");
        this.senderIndex = senderIndex;
    }

    /** Hands over the routes, in receiver order; once, from the subclass's constructor. */
    protected final void routes(List<R> built) {
        if (!routes.isEmpty()) {
            throw new IllegalStateException("routes are set already");
        }
        routes = List.copyOf(built);
    }

    public final MotionStreamKey key() {
        return key;
    }

    public final int senderIndex() {
        return senderIndex;
    }

    /** Wakes the sending thread: a route's state changed. Any thread. */
    public final ChangeSignal signal() {
        return signal;
    }

    public final boolean isClosed() {
        return closed;
    }

    /** The message {@link #fail} ended the routes with, or null. */
    public final @Nullable String failure() {
        return failure;
    }

    protected final List<R> routeList() {
        return routes;
    }

    protected final R route(int route) {
        return routes.get(IcChecks.index("route", route, routes.size()));
    }

    /**
     * Whether a send on {@code route} waits now because its receiver holds it back (the transport
     * said so in {@link #await}): the sender's own flow-control state, for tests.
     */
    public final boolean isHeldBack(int route) {
        return heldBack == route(route);
    }

    @Override
    public final int routeCount() {
        return routes.size();
    }

    @Override
    public final boolean send(int route, byte[] chunk) {
        R r = route(route);
        requireNonNull(chunk, "chunk is null");
        if (finished || failure != null) {
            throw new IllegalStateException("send after finish or fail on motion " + key);
        }
        return sendOn(r, chunk);
    }

    /** Sends a chunk on a route, waiting (with {@link #await}) while flow control holds it back; false once stopped. */
    protected abstract boolean sendOn(R route, byte[] chunk);

    @Override
    public final boolean allStopped() {
        return routes.stream().allMatch(Route::isStopped);
    }

    @Override
    public final void finish() {
        if (finished) {
            return;
        }
        if (failure != null) {
            throw new IllegalStateException("finish after fail on motion " + key);
        }
        finishRoutes();
    }

    /**
     * Sends end-of-stream on every route that is not stopped, calls {@link #markFinished()}, and waits
     * until every route has taken it (as the transport knows it). Throws if a route is broken.
     */
    protected abstract void finishRoutes();

    /** From now on the sender has finished: later finishes return at once. */
    protected final void markFinished() {
        finished = true;
    }

    @Override
    public final void fail(String message) {
        requireNonNull(message, "message is null");
        failure = message;
        routes.forEach(r -> r.fail(message));
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        String error = "sender " + senderIndex + " of motion " + key + " closed before end of stream";
        routes.forEach(r -> r.close(error));
        signal.signal();
        onClosed();
    }

    /** After {@link #close()} (once): a transport forgets the sender here. */
    protected void onClosed() {}

    /** Throws {@code 57014} if the sender was closed (canceled) from another thread. */
    protected final void checkNotClosed() {
        if (closed) {
            throw IcErrors.canceled();
        }
    }

    /**
     * Waits for the signal to move past {@code seen} (or a recheck interval to pass), then returns so
     * the caller checks its state again. {@code heldBackOn} names the route whose receiver holds this
     * send back, null if the wait is for something else (a connection, an acknowledgement).
     */
    protected final void await(long seen, @Nullable R heldBackOn) {
        heldBack = heldBackOn;
        try {
            signal.awaitChange(seen, ChangeSignal.RECHECK_NANOS);
        } finally {
            heldBack = null;
        }
    }
}
