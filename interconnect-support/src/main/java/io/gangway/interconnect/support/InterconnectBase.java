package io.gangway.interconnect.support;

import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.interconnect.Interconnect;
import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every {@link Interconnect} does the same way: receivers are opened on a {@link StreamRendezvous}
 * (so the rendezvous rules are the same for every transport), arguments are checked and a closed
 * interconnect refuses new ends, and closing closes every open receiver before the transport goes.
 *
 * <p>A transport extends it with how it opens a sender ({@link #newSender}), where it listens
 * ({@link #listeningAt}), and what it releases on close ({@link #closeTransport()}); it feeds inbound
 * streams to {@link #rendezvous()} and calls {@link StreamRendezvous#expire} from a timer of its own.
 */
public abstract class InterconnectBase implements Interconnect {
    private final Duration setupTimeout;
    private final StreamRendezvous rendezvous;
    private volatile @Nullable Endpoint endpoint;
    private volatile boolean closed;

    /**
     * @param setupTimeout how long a receiver waits for a sender that never opens its stream
     * @param unclaimedStreamTimeout how long a stream waits for a receiver that never opens
     */
    protected InterconnectBase(Duration setupTimeout, Duration unclaimedStreamTimeout) {
        if (!setupTimeout.isPositive()) {
            throw new IllegalArgumentException("setupTimeout " + setupTimeout);
        }
        this.setupTimeout = setupTimeout;
        this.rendezvous = new StreamRendezvous(unclaimedStreamTimeout);
    }

    /** Says where the transport listens, once it does (in its constructor). */
    protected final void listeningAt(Endpoint where) {
        endpoint = where;
    }

    @Override
    public final Endpoint endpoint() {
        Endpoint where = endpoint;
        if (where == null) {
            throw new IllegalStateException("the interconnect is not listening yet");
        }
        return where;
    }

    /** Where inbound streams meet their receivers. */
    protected final StreamRendezvous rendezvous() {
        return rendezvous;
    }

    protected final boolean isClosed() {
        return closed;
    }

    @Override
    public final MotionReceiver openReceiver(MotionStreamKey key, int receiverIndex, int senderCount) {
        IcChecks.receiver(key, receiverIndex, senderCount);
        checkOpen();
        return rendezvous.openReceiver(key, receiverIndex, senderCount, setupTimeout);
    }

    @Override
    public final MotionSender openSender(MotionStreamKey key, int senderIndex, List<Endpoint> receivers) {
        List<Endpoint> targets = IcChecks.sender(key, senderIndex, receivers);
        checkOpen();
        return newSender(key, senderIndex, targets);
    }

    /** Opens the streams of a sender to {@code receivers} (checked, in receiver order). */
    protected abstract MotionSender newSender(MotionStreamKey key, int senderIndex, List<Endpoint> receivers);

    private void checkOpen() {
        if (closed) {
            throw IcErrors.closed();
        }
    }

    /** Closes once: every open receiver closes (its senders told), parked streams go, then the transport. */
    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rendezvous.close();
        } finally {
            closeTransport();
        }
    }

    /** Releases the transport (its senders' streams first, then sockets and threads). Called once. */
    protected abstract void closeTransport();
}
