package io.gangway.interconnect.udp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A datagram layer that misbehaves on purpose, as a bad network does: it loses, duplicates and
 * delays (so reorders) the packets it sends, drawing from a seeded {@link Random}. Loss can be
 * changed on the fly, to make a peer go silent.
 */
final class FaultyDatagramLink implements DatagramLink {
    /** How a link misbehaves: each a probability per packet, and the longest added delay. */
    record Faults(double loss, double duplicate, double delay, Duration maxDelay) {
        static final Faults NONE = new Faults(0, 0, 0, Duration.ZERO);

        static Faults loss(double p) {
            return new Faults(p, 0, 0, Duration.ZERO);
        }
    }

    private final DatagramLink inner;
    private final Random random;
    private final ReentrantLock randomLock = new ReentrantLock();
    private final ScheduledExecutorService scheduler;
    private final Set<Delayed> pending = ConcurrentHashMap.newKeySet();
    private final Faults faults;
    private volatile double loss;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong duplicated = new AtomicLong();
    final AtomicLong delayed = new AtomicLong();

    FaultyDatagramLink(DatagramLink inner, Faults faults, long seed) {
        this.inner = inner;
        this.faults = faults;
        this.loss = faults.loss();
        this.random = new Random(seed);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faulty-datagram-link");
            t.setDaemon(true);
            return t;
        });
    }

    /** From now on, lose packets with probability {@code p} (1 makes this side silent). */
    void setLoss(double p) {
        loss = p;
    }

    @Override
    public InetSocketAddress localAddress() {
        return inner.localAddress();
    }

    @Override
    public ByteBufAllocator alloc() {
        return inner.alloc();
    }

    @Override
    public void send(ByteBuf packet, InetSocketAddress recipient) {
        sent.incrementAndGet();
        boolean drop;
        boolean duplicate;
        long delay1;
        long delay2;
        randomLock.lock();
        try {
            drop = random.nextDouble() < loss;
            duplicate = random.nextDouble() < faults.duplicate();
            delay1 = delayNanos();
            delay2 = delayNanos();
        } finally {
            randomLock.unlock();
        }
        if (drop) {
            dropped.incrementAndGet();
            packet.release();
            return;
        }
        if (duplicate) {
            duplicated.incrementAndGet();
            deliver(packet.retainedDuplicate(), recipient, delay2);
        }
        deliver(packet, recipient, delay1);
    }

    private long delayNanos() {
        if (faults.delay() > 0 && random.nextDouble() < faults.delay()) {
            return 1 + (long) (random.nextDouble() * faults.maxDelay().toNanos());
        }
        return 0;
    }

    private void deliver(ByteBuf packet, InetSocketAddress recipient, long delayNanos) {
        if (delayNanos == 0) {
            inner.send(packet, recipient);
            return;
        }
        delayed.incrementAndGet();
        Delayed d = new Delayed(packet, recipient);
        pending.add(d);
        try {
            scheduler.schedule(d, delayNanos, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            d.run(); // closing: send it now rather than leak it
        }
    }

    /** Sends what is still delayed at once (the process's last words must not be lost), then closes. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        for (Delayed d : pending) {
            d.run();
        }
        inner.close();
    }

    private final class Delayed implements Runnable {
        private final ByteBuf packet;
        private final InetSocketAddress recipient;

        Delayed(ByteBuf packet, InetSocketAddress recipient) {
            this.packet = packet;
            this.recipient = recipient;
        }

        @Override
        public void run() {
            if (pending.remove(this)) {
                inner.send(packet, recipient);
            }
        }
    }
}
