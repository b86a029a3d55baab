package io.gangway.interconnect.udp;

import static java.util.Objects.requireNonNull;

import io.gangway.interconnect.support.IcChecks;
import io.gangway.api.ClusterSecret;
import io.gangway.interconnect.support.InterconnectBase;
import io.gangway.interconnect.support.StreamRendezvous;
import io.gangway.interconnect.udp.InboundStream.Outgoing;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.interconnect.MotionStreamKey;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The UDP interconnect of one process: one datagram socket ({@link #endpoint()}) that carries every
 * stream this process sends or receives, told apart by the header of each packet ({@link Packets}:
 * motion, sender index, receiver index). Reliability, order and flow control are the protocol's own,
 * as in Greenplum's UDPIFC.
 *
 * <pre>
 *  sender i, route r ({@link OutboundRoute})             receiver r ({@link InboundStream} per sender)
 *    |-- DATA seq 1 OPEN, MAC(secret, header) ----------->| wrong MAC: logged, REFUSED; else rendezvous:
 *    |                                                    |   attach to the open receiver, or park
 *    |-- DATA seq 2 CHUNK_START(len) piece, seq 3 piece ->| restore order, drop duplicates,
 *    |   (at most min(cwnd, window end - acked) in flight) |   rebuild the chunk, queue it
 *    |<------------- ACK ack=3 window=7 sacks=[...] ------| every arrival, batched per read burst
 *    |   (timeout: resend, back off; reported missing     |
 *    |    twice: resend at once; window shut: PROBE)      |
 *    |-- DATA END_OF_STREAM | DATA ERROR(message) ------->| next() → null once all ended | 08M01
 *    |<-------------------------------- ACK STOP ---------| stop(): drop and ack what still comes
 *    |<-------------------------------- ACK REFUSED(why) -| bad sender index, receiver closed, unclaimed
 *  finish() waits until every END_OF_STREAM is acknowledged; silence past
 *  gp_interconnect_transmit_timeout breaks the route with a network error naming the receiver.
 * </pre>
 *
 * <p>Threads: one event loop reads the socket, files packets and answers them, and runs the 5 ms
 * timer of retransmissions; QE threads send and take chunks, blocking on java.util.concurrent
 * conditions, never on the event loop.
 */
public final class UdpInterconnect extends InterconnectBase {
    private static final System.Logger LOG = System.getLogger(UdpInterconnect.class.getName());
    private static final long TICK_MILLIS = 5;
    private static final int TICKS_PER_SWEEP = 20;

    private final UdpInterconnectConfig config;
    private final StreamAuth auth;
    private final EventLoopGroup group;
    private final ConcurrentHashMap<StreamId, InboundStream> inbound = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<StreamId, OutboundRoute> routes = new ConcurrentHashMap<>();
    private final InboundStream.Owner owner = new StreamOwner();
    /** Event-loop only: streams to acknowledge at the end of the current read burst. */
    private final List<InboundStream> pendingAcks = new ArrayList<>();
    private final DatagramLink link;
    private final ScheduledFuture<?> timer;
    private int ticks;

    /** With {@link ClusterSecret#INSECURE_FOR_TESTS}: for tests and benchmarks, never for a cluster. */
    public UdpInterconnect(UdpInterconnectConfig config) {
        this(config, ClusterSecret.INSECURE_FOR_TESTS);
    }

    /** Senders present {@code secret} when they open a stream; a stream opened without it is refused. */
    public UdpInterconnect(UdpInterconnectConfig config, ClusterSecret secret) {
        this(config, secret, UnaryOperator.identity());
    }

    /** With the datagram layer wrapped by {@code decorate}: tests inject faults there. */
    UdpInterconnect(UdpInterconnectConfig config, UnaryOperator<DatagramLink> decorate) {
        this(config, ClusterSecret.INSECURE_FOR_TESTS, decorate);
    }

    UdpInterconnect(UdpInterconnectConfig config, ClusterSecret secret, UnaryOperator<DatagramLink> decorate) {
        super(requireNonNull(config, "config is null").setupTimeout(), config.unclaimedStreamTimeout());
        this.config = config;
        this.auth = new StreamAuth(requireNonNull(secret, "secret is null"));
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("gangway-ic-udp", true), NioIoHandler.newFactory());
        EventLoop loop = group.next();
        DatagramLink raw;
        try {
            raw = new NettyDatagramLink(loop, config, new Listener());
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
        this.link = decorate.apply(raw);
        listeningAt(new Endpoint(IcChecks.advertisedHost(config.listenAddress()), link.localAddress().getPort()));
        this.timer = loop.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        LOG.log(System.Logger.Level.DEBUG, "UDP interconnect listening on {0}", endpoint());
    }

    public UdpInterconnectConfig config() {
        return config;
    }

    @Override
    protected MotionSender newSender(MotionStreamKey key, int senderIndex, List<Endpoint> targets) {
        UdpMotionSender sender = new UdpMotionSender(key, senderIndex, config.maxPacketSize(), auth);
        List<OutboundRoute> built = new ArrayList<>();
        for (int r = 0; r < targets.size(); r++) {
            Endpoint ep = targets.get(r);
            StreamId id = StreamId.of(key, senderIndex, r);
            OutboundRoute route = new OutboundRoute(id, ep, new InetSocketAddress(ep.host(), ep.port()), link, sender.signal(), config);
            routes.put(id, route);
            built.add(route);
        }
        sender.open(built);
        return sender;
    }

    private void send(Outgoing packet) {
        link.send(packet.packet(), packet.to());
    }

    /**
     * The stream a DATA or PROBE packet belongs to, or null if the packet is to be dropped (after
     * answering its sender where that is due). A stream is made only from an authentic OPEN and then
     * offered to the rendezvous; a packet of a stream not known here is judged by the rendezvous's
     * tombstones (a late packet of a closed receiver's stream), or dropped.
     */
    private @Nullable InboundStream streamFor(Packets.Header h, ByteBuf packet, InetSocketAddress from) {
        InboundStream stream = inbound.get(h.stream());
        if (stream != null || isClosed()) {
            return stream;
        }
        StreamId id = h.stream();
        if ((h.flags() & Packets.OPEN) == 0 || h.type() != Packets.DATA) {
            StreamRendezvous.Outcome late = rendezvous().lateArrival(id.key(), id.sender(), id.receiver());
            if (late == StreamRendezvous.Outcome.STOPPED) {
                link.send(Packets.stop(link.alloc(), id, h.seq()), from);
            } else if (late == StreamRendezvous.Outcome.REFUSED) {
                link.send(Packets.refusal(link.alloc(), id, StreamRendezvous.closedReason(id.key(), id.receiver()), 0), from);
            }
            return null;
        }
        if (!auth.isAuthenticOpen(h, packet)) {
            LOG.log(System.Logger.Level.WARNING, "refused interconnect stream {0} from {1}: it did not present the cluster secret",
                    id, from);
            link.send(Packets.refusal(link.alloc(), id, "stream refused: the sender did not present the cluster secret", 0), from);
            return null;
        }
        stream = new InboundStream(id, config.queueDepth(), from, owner);
        inbound.put(id, stream);
        StreamRendezvous.Outcome outcome = rendezvous().offer(stream.queue());
        // a stream stopped or refused at once keeps no state here: its sender was answered already
        if (outcome == StreamRendezvous.Outcome.STOPPED || outcome == StreamRendezvous.Outcome.REFUSED) {
            inbound.remove(id, stream);
        }
        return inbound.get(id) == stream ? stream : null;
    }

    /** What the inbound streams use of the interconnect. */
    private final class StreamOwner implements InboundStream.Owner {
        @Override
        public ByteBufAllocator alloc() {
            return link.alloc();
        }

        @Override
        public void send(Outgoing packet) {
            UdpInterconnect.this.send(packet);
        }

        @Override
        public void forget(InboundStream stream) {
            inbound.remove(stream.id(), stream);
        }
    }

    /** Files what the socket hears (event loop). */
    private final class Listener implements DatagramLink.Listener {
        @Override
        public void onPacket(ByteBuf packet, InetSocketAddress sender) {
            if (link == null) {
                return; // still being constructed: the sender retransmits
            }
            Packets.Header h = Packets.read(packet);
            if (h == null) {
                LOG.log(System.Logger.Level.TRACE, "dropped a malformed datagram from {0}", sender);
                return;
            }
            switch (h.type()) {
                case Packets.ACK -> {
                    OutboundRoute route = routes.get(h.stream());
                    if (route != null) {
                        route.onAck(h, packet, System.nanoTime());
                    }
                }
                case Packets.DATA, Packets.PROBE -> {
                    InboundStream stream = streamFor(h, packet, sender);
                    if (stream != null) {
                        if (h.type() == Packets.DATA) {
                            stream.onData(h, packet, sender);
                        } else {
                            stream.onProbe(sender);
                        }
                        if (!stream.ackQueued) {
                            stream.ackQueued = true;
                            pendingAcks.add(stream);
                        }
                    }
                }
                default -> LOG.log(System.Logger.Level.TRACE, "dropped a datagram of unknown type {0}", h.type());
            }
        }

        @Override
        public void onReadComplete() {
            for (InboundStream stream : pendingAcks) {
                stream.ackQueued = false;
                send(stream.ack(link.alloc()));
            }
            pendingAcks.clear();
        }
    }

    /** Every 5 ms on the event loop: the routes' timers, and now and then the parked streams' expiry. */
    private void tick() {
        try {
            long now = System.nanoTime();
            routes.values().removeIf(route -> route.onTick(now));
            if (++ticks % TICKS_PER_SWEEP == 0) {
                rendezvous().expire(now);
            }
        } catch (RuntimeException e) {
            // the timer must survive one bad tick: retransmission of every stream depends on it
            LOG.log(System.Logger.Level.WARNING, "UDP interconnect timer failed", e);
        }
    }

    @Override
    protected void closeTransport() {
        timer.cancel(false);
        String gone = "interconnect of the sending process at " + endpoint() + " closed before end of stream";
        routes.values().forEach(route -> route.abort(gone));
        routes.clear();
        // the last packets were queued on the event loop before the close, so they leave first
        link.close();
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
