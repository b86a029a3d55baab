package io.gangway.dispatcher;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.dispatcher.protocol.DispatchMessage;
import io.gangway.dispatcher.protocol.DispatchMessage.Cancel;
import io.gangway.dispatcher.protocol.DispatchMessage.Dispatch;
import io.gangway.dispatcher.protocol.DispatchMessage.Terminate;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.dispatch.DispatchRequest;
import io.gangway.spi.dispatch.QeConnection;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.dispatch.QeStartup;
import io.gangway.spi.interconnect.Endpoint;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The QD's end of one QE connection, after a successful startup. Requests carry increasing ids;
 * each {@link DispatchMessage.Result} completes the future of its id, and a connection that drops
 * fails every outstanding future with {@code 08006}. Made by the session's connector and lent to
 * gangs by whichever idle QE pool the configuration chose; the dispatcher finds its own connection
 * again by identity, never by a cast.
 */
public final class PooledQeConnection implements QeConnection {
    private final Channel channel;
    private final SegmentDescriptor segment;
    private final QeStartup startup;
    private final Endpoint interconnectEndpoint;
    private final int pid;
    private final Map<Long, CompletableFuture<QeResult>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextRequestId = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean broken;
    private volatile long peakMemoryBytes;

    PooledQeConnection(Channel channel, SegmentDescriptor segment, QeStartup startup, Endpoint interconnectEndpoint, int pid) {
        this.channel = requireNonNull(channel, "channel is null");
        this.segment = requireNonNull(segment, "segment is null");
        this.startup = requireNonNull(startup, "startup is null");
        this.interconnectEndpoint = requireNonNull(interconnectEndpoint, "interconnectEndpoint is null");
        this.pid = pid;
    }

    /** A request on its way: its id and the QE's result (failed with {@code 08006} if the write fails). */
    record InFlight(long requestId, CompletableFuture<QeResult> result) {
    }

    @Override
    public int content() {
        return startup.content();
    }

    @Override
    public boolean isWriter() {
        return startup.writer();
    }

    @Override
    public int identifier() {
        return startup.identifier();
    }

    @Override
    public Endpoint interconnectEndpoint() {
        return interconnectEndpoint;
    }

    @Override
    public boolean isHealthy() {
        return !broken && !closed.get() && channel.isActive();
    }

    /** True when no request awaits its result (a QE fit to lend again). */
    boolean isIdle() {
        return pending.isEmpty();
    }

    int pid() {
        return pid;
    }

    SegmentDescriptor segment() {
        return segment;
    }

    /** The most memory the QE reported holding (0 if it never said). */
    @Override
    public long peakMemoryBytes() {
        return peakMemoryBytes;
    }

    /** {@code seg0 127.0.0.1:40000 pid=10001}, with the slice when there is one, as Greenplum's messages name a QE. */
    String describe(OptionalInt sliceId) {
        return "seg" + content() + (sliceId.isPresent() ? " slice" + sliceId.getAsInt() : "")
                + " " + segment.address() + ":" + segment.port() + " pid=" + pid;
    }

    @Override
    public CompletableFuture<QeResult> send(DispatchRequest request) {
        return dispatch(request).result();
    }

    /** Sends a request without waiting; see {@link InFlight}. */
    InFlight dispatch(DispatchRequest request) {
        requireNonNull(request, "request is null");
        return write(id -> new Dispatch(id, request));
    }

    /** Sends a slice of a plan serialized beforehand ({@link DispatchMessage.SharedPlan}) without waiting. */
    InFlight dispatchSlice(byte[] sharedPlan, int sliceId, int memberIndex, long commandId) {
        requireNonNull(sharedPlan, "sharedPlan is null");
        return write(id -> new DispatchMessage.DispatchSlice(id, sharedPlan, sliceId, memberIndex, commandId));
    }

    /**
     * Writes and flushes in one step: from a thread off the event loop that is one task (and one
     * wake-up of the event loop) per message rather than one for the write and one for the flush.
     * Nobody waits for the write: a failed one fails the request's result, which the dispatcher reports.
     */
    private InFlight write(java.util.function.LongFunction<DispatchMessage> messageOf) {
        long id = nextRequestId.incrementAndGet();
        CompletableFuture<QeResult> result = new CompletableFuture<>();
        pending.put(id, result);
        if (!isHealthy()) {
            fail(id, connectionLost());
            return new InFlight(id, result);
        }
        channel.writeAndFlush(messageOf.apply(id)).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                broken = true;
                fail(id, new SqlException(SqlState.CONNECTION_FAILURE, "could not send data to server: "
                        + f.cause().getMessage(), f.cause()));
            }
        });
        return new InFlight(id, result);
    }

    @Override
    public void cancel(boolean finish) {
        if (!channel.isActive()) {
            return;
        }
        for (Long id : pending.keySet()) {
            channel.writeAndFlush(new Cancel(id, finish));
        }
    }

    /** Called by the handler, on the event loop, for each result. */
    void onResult(long requestId, QeResult result) {
        if (result.peakMemoryBytes() > peakMemoryBytes) {
            peakMemoryBytes = result.peakMemoryBytes();
        }
        CompletableFuture<QeResult> future = pending.remove(requestId);
        if (future != null) {
            future.complete(result);
        }
    }

    /** Called by the handler when the connection drops. */
    void onClosed() {
        broken = true;
        for (Long id : pending.keySet()) {
            fail(id, connectionLost());
        }
    }

    /** Marks the QE unfit for reuse (its statement failed in a way that leaves it in doubt). */
    void markBroken() {
        broken = true;
    }

    private void fail(long id, SqlException error) {
        CompletableFuture<QeResult> future = pending.remove(id);
        if (future != null) {
            future.completeExceptionally(error);
        }
    }

    private static SqlException connectionLost() {
        return new SqlException(SqlState.CONNECTION_FAILURE, "server closed the connection unexpectedly",
                Optional.of("This probably means the server terminated abnormally before or while processing the request."),
                Optional.empty(), OptionalInt.empty(), null);
    }

    @Override
    public void close() {
        closeConnection();
    }

    /** Closes the connection (the QE session on the segment ends); true if this call closed it. */
    boolean closeConnection() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        if (channel.isActive()) {
            channel.writeAndFlush(new Terminate()).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
        onClosed();
        return true;
    }

    @Override
    public String toString() {
        return "QE " + identifier() + " (" + describe(OptionalInt.empty()) + (isWriter() ? ", writer)" : ")");
    }
}
