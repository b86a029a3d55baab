package io.gangway.interconnect.udp;

import io.gangway.interconnect.support.RoutedSender;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.util.List;

/**
 * One QE's sending end of a motion: an {@link OutboundRoute} per receiver. {@link #send} cuts a chunk
 * into packets of at most {@code gp_max_packet_size} and blocks, on the caller's thread, while the
 * route's window is closed; acknowledgements, stop, a broken route and {@link #close()} from another
 * thread all wake it. The chunk is copied into packets, so the caller may reuse it on return.
 */
final class UdpMotionSender extends RoutedSender<OutboundRoute> {
    private static final byte[] NOTHING = new byte[0];

    private final int maxPayload;
    private final StreamAuth auth;

    /** {@code routes} wake the sender through its {@link #signal()}: build them with it. */
    UdpMotionSender(MotionStreamKey key, int senderIndex, int maxPacketSize, StreamAuth auth) {
        super(key, senderIndex);
        this.maxPayload = maxPacketSize - Packets.HEADER_SIZE;
        this.auth = auth;
    }

    /**
     * Takes the routes and sends each one's first packet, its "connect", which presents the cluster
     * secret: the receiver learns of the sender, and trusts it, before any data.
     */
    void open(List<OutboundRoute> built) {
        routes(built);
        for (OutboundRoute r : built) {
            byte[] mac = auth.openMac(r.id());
            r.offer(Packets.OPEN, mac, 0, mac.length, 0, true);
        }
    }

    @Override
    protected boolean sendOn(OutboundRoute r, byte[] chunk) {
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
            long seen = signal().generation();
            checkNotClosed();
            switch (r.offer(flags, data, offset, length, chunkLength, false)) {
                case SENT -> {
                    return true;
                }
                case STOPPED -> {
                    return false;
                }
                case BROKEN -> throw r.brokenError();
                // the receiver holds us back if its window is shut; otherwise the congestion window does
                case WAIT -> await(seen, r.isWindowShut() ? r : null);
            }
        }
    }

    @Override
    protected void finishRoutes() {
        for (OutboundRoute r : routeList()) {
            offer(r, Packets.END_OF_STREAM, NOTHING, 0, 0, 0);
        }
        markFinished();
        // teardown waits until every receiver acknowledged its end of stream; silence breaks the route
        for (OutboundRoute r : routeList()) {
            while (true) {
                long seen = signal().generation();
                checkNotClosed();
                if (r.isBroken()) {
                    throw r.brokenError();
                }
                if (r.isDrained()) {
                    break;
                }
                await(seen, null);
            }
        }
    }
}
