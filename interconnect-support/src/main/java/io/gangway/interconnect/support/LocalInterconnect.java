package io.gangway.interconnect.support;

import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An interconnect within one JVM: each instance stands for a process, listening at an endpoint
 * {@code local:N} that no other instance in the JVM has; a sender's stream is handed straight to the
 * receiving instance's {@link StreamRendezvous}, its chunks to the receiver's {@link ChunkQueue}.
 *
 * <p>A real {@link io.gangway.spi.interconnect.Interconnect} (it passes {@code InterconnectContractTest}) without a network: for
 * tests of what runs above the interconnect, for embedding several "processes" in one JVM, and as
 * the smallest example of a transport built on this library. Flow control is the queue's own: a send
 * waits while its receiver's queue is at its depth. Chunks are handed over, not copied: a sender must
 * not change an array once sent. Built with {@code new}; close it to take its endpoint off the JVM.
 * No cluster secret is presented or checked: nothing outside the JVM can reach it.
 */
public final class LocalInterconnect extends InterconnectBase {
    static final String HOST = "local";
    private static final AtomicInteger PORTS = new AtomicInteger();
    private static final Map<Endpoint, LocalInterconnect> LISTENING = new ConcurrentHashMap<>();

    private final int queueDepth;
    private final ScheduledExecutorService timer;
    private final Set<LocalSender> senders = ConcurrentHashMap.newKeySet();

    /** Greenplum's default queue depth (4 chunks a stream) and 60 s setup and unclaimed stream timeouts. */
    public LocalInterconnect() {
        this(4, Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    public LocalInterconnect(int queueDepth, Duration setupTimeout, Duration unclaimedStreamTimeout) {
        super(setupTimeout, unclaimedStreamTimeout);
        if (queueDepth < 1) {
            throw new IllegalArgumentException("queueDepth " + queueDepth);
        }
        this.queueDepth = queueDepth;
        Endpoint endpoint = claimEndpoint(this);
        listeningAt(endpoint);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gangway-ic-local-" + endpoint.port());
            t.setDaemon(true);
            return t;
        });
        long period = Math.clamp(unclaimedStreamTimeout.toMillis() / 4, 10, 1000);
        timer.scheduleAtFixedRate(() -> rendezvous().expire(System.nanoTime()), period, period, TimeUnit.MILLISECONDS);
    }

    /** A port no open instance in the JVM listens at (ports are reused only after 65,535 instances). */
    private static Endpoint claimEndpoint(LocalInterconnect ic) {
        while (true) {
            Endpoint candidate = new Endpoint(HOST, 1 + Math.floorMod(PORTS.getAndIncrement(), 65535));
            if (LISTENING.putIfAbsent(candidate, ic) == null) {
                return candidate;
            }
        }
    }

    @Override
    protected MotionSender newSender(MotionStreamKey key, int senderIndex, List<Endpoint> targets) {
        LocalSender sender = new LocalSender(key, senderIndex, senders::remove);
        List<LocalRoute> routes = new ArrayList<>();
        for (int r = 0; r < targets.size(); r++) {
            routes.add(new LocalRoute(sender, r, targets.get(r), endpoint()));
        }
        sender.open(routes);
        senders.add(sender);
        for (LocalRoute route : routes) {
            LocalInterconnect target = LISTENING.get(route.target());
            if (target == null) {
                route.refuse("no interconnect listens at " + route.target());
            } else {
                target.rendezvous().offer(route.open(target.queueDepth));
            }
        }
        return sender;
    }

    /** Takes the endpoint off the JVM; every sender's unfinished stream fails. */
    @Override
    protected void closeTransport() {
        LISTENING.remove(endpoint(), this);
        timer.shutdownNow();
        String gone = "interconnect of the sending process at " + endpoint() + " closed before end of stream";
        List.copyOf(senders).forEach(s -> s.abort(gone));
    }
}
