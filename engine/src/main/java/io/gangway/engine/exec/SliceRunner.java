package io.gangway.engine.exec;

import io.gangway.api.Batch;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.engine.exec.motion.MotionSendLoop;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.plan.PlanNode;
import io.gangway.spi.plan.Slice;
import java.util.Optional;

/**
 * Runs one slice of a planned statement in this process — the same code on a QE and on the QD.
 *
 * <pre>
 *  slice whose rows the caller consumes        slice rooted at a Motion
 *  (slice 0 on the QD; slice 0 of an INSERT     (every lower slice on its QEs)
 *   on the QEs)
 *    op = openSlice(ctx)                          n = runSendingSlice(ctx)
 *    while op.next() … stream the batch             build input, open sender,
 *    op.close()                                     route rows, finish (or fail)
 * </pre>
 */
public final class SliceRunner {
    private SliceRunner() {
    }

    /**
     * The operator tree of the context's slice, for the caller to pull batches from and then close
     * (also on error or when stopping early).
     */
    public static Operator openSlice(ExecutionContext context) {
        return new OperatorBuilder(context).build(context.slice().root());
    }

    /**
     * Runs a slice rooted at a motion: builds its input, opens the sender toward the parent slice's
     * gang, sends every row and ends the streams. Returns the rows sent. Errors are sent to the
     * receivers (as stream failures) and rethrown.
     */
    public static long runSendingSlice(ExecutionContext context) {
        Slice slice = context.slice();
        if (!(slice.root() instanceof PlanNode.Motion motion)) {
            throw new SqlException(SqlState.INTERNAL_ERROR, "slice " + slice.id() + " is not rooted at a motion");
        }
        int parent = slice.parent().orElseThrow(() -> new SqlException(SqlState.INTERNAL_ERROR,
                "sending slice " + slice.id() + " has no parent slice"));
        MotionSender sender = context.interconnect().openSender(context.motionKey(slice.id()),
                context.memberIndex(), context.sliceTable().membersOf(parent));
        context.cancel().register(sender);
        Operator input;
        try {
            input = new OperatorBuilder(context).build(motion.input());
        } catch (RuntimeException e) {
            SqlException error = SqlException.of(e);
            try {
                sender.fail(error.getMessage());
            } finally {
                context.cancel().unregister(sender);
                sender.close();
            }
            throw error;
        }
        return new MotionSendLoop(motion, input, sender, context.memberIndex(), context.cancel()).run();
    }

    /**
     * Drains an operator whose output is a count (an INSERT's one bigint row) and closes it; returns
     * the sum of the first column over all rows (0 for no rows).
     */
    public static long drainCount(Operator operator) {
        try (operator) {
            long total = 0;
            for (Optional<Batch> b = operator.next(); b.isPresent(); b = operator.next()) {
                Batch batch = b.get();
                for (int i = 0; i < batch.rowCount(); i++) {
                    Object value = batch.columnCount() == 0 ? null : batch.column(0).get(i);
                    if (value instanceof Number n) {
                        total += n.longValue();
                    }
                }
            }
            return total;
        }
    }
}
