package io.gangway.interconnect.support;

import io.gangway.spi.interconnect.MotionStreamKey;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One QE's sending end of a motion on a {@link LocalInterconnect}: a {@link LocalRoute} per receiver.
 * {@link #send} hands the chunk to the receiver's queue, waiting while that queue is full; stop, a
 * refusal, the receiver leaving and {@link #close()} from another thread all wake it.
 */
final class LocalSender extends RoutedSender<LocalRoute> {
    private final Consumer<LocalSender> onClose;

    LocalSender(MotionStreamKey key, int senderIndex, Consumer<LocalSender> onClose) {
        super(key, senderIndex);
        this.onClose = onClose;
    }

    void open(List<LocalRoute> built) {
        routes(built);
    }

    @Override
    protected boolean sendOn(LocalRoute r, byte[] chunk) {
        while (true) {
            long seen = signal().generation();
            ChunkQueue queue = ready(r);
            if (queue == null) {
                return false;
            }
            if (!r.isPaused() && queue.add(chunk)) {
                return true;
            }
            await(seen, r);
        }
    }

    /** The route's queue if it takes chunks; null if the receiver stopped; throws if broken or closed. */
    private @Nullable ChunkQueue ready(LocalRoute r) {
        checkNotClosed();
        if (r.isStopped()) {
            return null;
        }
        String broken = r.broken();
        ChunkQueue queue = r.queue();
        if (broken != null || queue == null) {
            throw IcErrors.interconnect(broken != null ? broken : r.describeReceiver() + " is not reachable");
        }
        return queue;
    }

    @Override
    protected void finishRoutes() {
        for (LocalRoute r : routeList()) {
            ChunkQueue queue = ready(r);
            if (queue != null) {
                queue.end();
            }
        }
        markFinished();
    }

    /** The sending process closes: every unfinished route fails with {@code error}, then the sender closes. */
    void abort(String error) {
        fail(error);
        close();
    }

    @Override
    protected void onClosed() {
        onClose.accept(this);
    }
}
