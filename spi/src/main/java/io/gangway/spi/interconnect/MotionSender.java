package io.gangway.spi.interconnect;

/**
 * The sending end of one motion in one QE: a stream to each receiver ("route"). Used by one thread.
 */
public interface MotionSender extends AutoCloseable {
    int routeCount();

    /**
     * Sends a chunk (an encoded batch) on a route. Blocks while flow control holds the sender back;
     * returns {@code false}, sending nothing, once that receiver has stopped. Throws
     * {@link io.gangway.api.SqlException} ({@code 08M01}) if the route is broken, or
     * {@code 57014} if the sender was closed from another thread (cancel).
     */
    boolean send(int route, byte[] chunk);

    /** True once every receiver has stopped: the slice can stop producing rows. */
    boolean allStopped();

    /** Sends end-of-stream on every route and waits until every route has taken it. */
    void finish();

    /** Ends every route with an error, which each receiver raises. Never blocks for long. */
    void fail(String message);

    /** Releases the routes; a sender closed before {@link #finish()} looks failed to its receivers. */
    @Override
    void close();
}
