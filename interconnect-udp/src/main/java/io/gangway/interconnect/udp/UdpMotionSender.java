package io.gangway.interconnect.udp;

import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One QE's sending end of a motion: an {@link OutboundRoute} per receiver. {@link #send} cuts a chunk
 * into packets of at most {@code gp_max_packet_size} and blocks, on the caller's thread, while the
 * route's window is closed; acknowledgements, stop, a broken route and {@link #close()} from another
 * thread all wake it. The chunk is copied into packets, so the caller may reuse it on return.
 */
final class UdpMotionSender implements MotionSender {
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final byte[] NOTHING = new byte[0];

    private final MotionStreamKey key;
    private final int senderIndex;
    private final int maxPayload;
    private final ChangeSignal signal;
    private final List<OutboundRoute> routes;
    private volatile boolean closed;
    private volatile boolean finished;
    private volatile @Nullable String failure;

    UdpMotionSender(MotionStreamKey key, int senderIndex, int maxPacketSize, ChangeSignal signal, List<OutboundRoute> routes) {
        this.key = key;
        this.senderIndex = senderIndex;
        this.maxPayload = maxPacketSize - Packets.HEADER_SIZE;
        this.signal = signal;
        this.routes = List.copyOf(routes);
    }

    /** Sends every route's first packet, its "connect": the receiver learns of the sender before any data. */
    void open() {
        for (OutboundRoute r : routes) {
            r.offer(Packets.OPEN, NOTHING, 0, 0, 0, true);
        }
    }

    @Override
    public int routeCount() {
        return routes.size();
    }

    @Override
    public boolean send(int route, byte[] chunk) {
        OutboundRoute r = route(route);
        if (finished || failure != null) {
            throw new IllegalStateException("send after finish or fail on motion " + key);
        }
        int offset = 0;
        boolean first = true;
        while (first || offset < chunk.length) {
            int room = maxPayload - (first ? Packets.CHUNK_LENGTH_SIZE : 0);
            int n = Math.min(room, chunk.length - offset);
            if (!offer(r, first ? Packets.CHUNK_START : 0, chunk, offset, n, chunk.length)) {
                return false;
            }
            offset += n;
            first = false;
        }
        return true;
    }

    /** Offers a packet, waiting while the window is closed; false if the receiver stopped. */
    private boolean offer(OutboundRoute r, int flags, byte[] data, int offset, int length, int chunkLength) {
        while (true) {
            long seen = signal.generation();
            if (closed) {
                throw UdpErrors.canceled();
            }
            switch (r.offer(flags, data, offset, length, chunkLength, false)) {
                case SENT -> {
                    return true;
                }
                case STOPPED -> {
                    return false;
                }
                case BROKEN -> throw r.brokenError();
                case WAIT -> signal.awaitChange(seen, RECHECK_NANOS);
            }
        }
    }

    @Override
    public boolean allStopped() {
        return routes.stream().allMatch(OutboundRoute::isStopped);
    }

    @Override
    public void finish() {
        if (finished) {
            return;
        }
        if (failure != null) {
            throw new IllegalStateException("finish after fail on motion " + key);
        }
        for (OutboundRoute r : routes) {
            offer(r, Packets.END_OF_STREAM, NOTHING, 0, 0, 0);
        }
        finished = true;
        // teardown waits until every receiver acknowledged its end of stream; silence breaks the route
        for (OutboundRoute r : routes) {
            while (true) {
                long seen = signal.generation();
                if (closed) {
                    throw UdpErrors.canceled();
                }
                if (r.isBroken()) {
                    throw r.brokenError();
                }
                if (r.isDrained()) {
                    break;
                }
                signal.awaitChange(seen, RECHECK_NANOS);
            }
        }
    }

    @Override
    public void fail(String message) {
        failure = message;
        routes.forEach(r -> r.fail(message));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        String error = "sender " + senderIndex + " of motion " + key + " closed before end of stream";
        routes.forEach(r -> r.close(error));
        signal.signal();
    }

    private OutboundRoute route(int route) {
        if (route < 0 || route >= routes.size()) {
            throw new IllegalArgumentException("route " + route + " out of range 0.." + (routes.size() - 1));
        }
        return routes.get(route);
    }
}
