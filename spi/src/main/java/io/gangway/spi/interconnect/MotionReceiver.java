package io.gangway.spi.interconnect;

import org.jspecify.annotations.Nullable;

/**
 * The receiving end of one motion in one QE: chunks from all senders, interleaved, each sender's
 * in order. Used by one thread, except {@link #close()}, which any thread may call to cancel.
 */
public interface MotionReceiver extends AutoCloseable {
    /**
     * The next chunk from any sender, blocking until one comes; {@code null} once every sender has
     * ended its stream. Throws {@link io.gangway.api.SqlException}: {@code 08M01} with the sender's
     * message if a sender failed or its connection broke; {@code 57014} after {@link #close()}.
     */
    byte @Nullable [] next();

    /**
     * The next chunk from one sender, for a merging receiver that keeps each sender's sorted order;
     * {@code null} once that sender has ended. Chunks of other senders wait meanwhile (within flow control).
     */
    byte @Nullable [] nextFrom(int sender);

    /** Tells every sender to stop sending (a satisfied LIMIT); later {@link #next()} calls return null. */
    void stop();

    @Override
    void close();
}
