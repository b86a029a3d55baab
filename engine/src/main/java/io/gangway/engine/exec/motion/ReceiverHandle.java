package io.gangway.engine.exec.motion;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Batch;
import io.gangway.api.SqlException;
import io.gangway.engine.exec.CancelState;
import io.gangway.spi.interconnect.MotionReceiver;

/**
 * A motion receiver as the receive operators use it: decodes chunks, turns the error of a
 * receiver closed by a cancel into the cancel's error, and ends the stream properly — {@code stop()}
 * when closed before the end (a satisfied LIMIT), so that senders stop early — exactly once.
 */
final class ReceiverHandle {
    private final MotionReceiver receiver;
    private final CancelState cancel;
    private boolean closed;

    ReceiverHandle(MotionReceiver receiver, CancelState cancel) {
        this.receiver = requireNonNull(receiver, "receiver is null");
        this.cancel = requireNonNull(cancel, "cancel is null");
    }

    /** The next batch from any sender, null at the end of every stream. */
    Batch next() {
        return decode(call(-1));
    }

    /** The next batch from one sender, null at the end of its stream. */
    Batch nextFrom(int sender) {
        return decode(call(sender));
    }

    private byte[] call(int sender) {
        cancel.check();
        try {
            return sender < 0 ? receiver.next() : receiver.nextFrom(sender);
        } catch (SqlException e) {
            if (cancel.isCancelled()) {
                throw cancel.canceledError(e);
            }
            throw e;
        }
    }

    private static Batch decode(byte[] chunk) {
        return chunk == null ? null : BatchCodec.decode(chunk);
    }

    /** Closes the receiver; {@code early} (rows remain unread) tells the senders to stop first. */
    void close(boolean early) {
        if (closed) {
            return;
        }
        closed = true;
        cancel.unregister(receiver);
        try {
            if (early && !cancel.isCancelled()) {
                receiver.stop();
            }
        } finally {
            receiver.close();
        }
    }
}
