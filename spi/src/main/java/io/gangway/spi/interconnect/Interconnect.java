package io.gangway.spi.interconnect;

import java.util.List;

/**
 * The transport of motions between slices in different processes.
 *
 * <p>One instance per process, listening at {@link #endpoint()}. For a motion with N senders and M
 * receivers, each of the M receiving QEs calls {@link #openReceiver} with its index and N, and each
 * of the N sending QEs calls {@link #openSender} with its index and the M receivers' endpoints (in
 * receiver-index order). A stream runs from every sender to every receiver ("route" r is the
 * stream to receiver r).
 *
 * <pre>
 *  sender i                          receiver r
 *     | openSender(key, i, eps)          | openReceiver(key, r, N)
 *     |---- chunk, chunk, ... ---------->|  next() → chunk (from any sender)
 *     |<--- (flow control: pause) -------|  (consumer slower than senders)
 *     |---- end-of-stream -------------->|  next() → null once all N ended
 *     |<--- stop (receiver needs no more)|  stop()
 * </pre>
 *
 * <p>Guarantees an implementation must keep (the TCK checks them): chunks of one stream arrive in
 * the order sent, exactly once; a receiver may open before or after its senders; a stream ends
 * with end-of-stream or with an error that the receiver raises; memory held per stream is bounded
 * (a slow receiver slows its senders); a receiver's {@link MotionReceiver#stop()} makes its
 * senders' {@link MotionSender#send} return {@code false} for that route promptly.
 */
public interface Interconnect extends AutoCloseable {
    /** Where this process receives motion streams. */
    Endpoint endpoint();

    MotionReceiver openReceiver(MotionStreamKey key, int receiverIndex, int senderCount);

    MotionSender openSender(MotionStreamKey key, int senderIndex, List<Endpoint> receivers);

    @Override
    void close();
}
