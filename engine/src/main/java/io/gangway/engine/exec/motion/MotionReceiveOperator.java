package io.gangway.engine.exec.motion;

import io.gangway.api.Batch;
import io.gangway.engine.exec.CancelState;
import io.gangway.engine.exec.Operator;
import io.gangway.spi.interconnect.MotionReceiver;
import java.util.Optional;

/** The receiving side of a motion: batches from every sender, in arrival order. */
public final class MotionReceiveOperator implements Operator {
    private final ReceiverHandle receiver;
    private final CancelState cancel;
    private boolean ended;

    public MotionReceiveOperator(MotionReceiver receiver, CancelState cancel) {
        this.receiver = new ReceiverHandle(receiver, cancel);
        this.cancel = cancel;
    }

    @Override
    public Optional<Batch> next() {
        while (!ended) {
            if (cancel.isFinished()) {
                close();
                break;
            }
            Batch batch = receiver.next();
            if (batch == null) {
                ended = true;
                receiver.close(false);
            } else if (batch.rowCount() > 0) {
                return Optional.of(batch);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        boolean early = !ended;
        ended = true;
        receiver.close(early);
    }
}
