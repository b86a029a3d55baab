package io.gangway.engine.exec.motion;

import io.gangway.api.Batch;
import io.gangway.api.ColumnVector;
import io.gangway.api.SqlType;
import io.gangway.engine.exec.CancelState;
import io.gangway.engine.exec.Operator;
import io.gangway.engine.exec.operator.SortOrder;
import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.plan.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The receiving side of a gather motion with merge keys: each sender's stream is sorted, and this
 * operator merges them (a k-way merge reading each sender with {@code nextFrom}), so the output is
 * sorted too.
 */
public final class MergeReceiveOperator implements Operator {
    private final ReceiverHandle receiver;
    private final List<SqlType> types;
    private final SortOrder order;
    private final Cursor[] cursors;
    private PriorityQueue<Cursor> queue;
    private boolean ended;

    public MergeReceiveOperator(MotionReceiver receiver, CancelState cancel, int senderCount, List<SqlType> types,
            List<SortKey> keys) {
        this.receiver = new ReceiverHandle(receiver, cancel);
        this.types = List.copyOf(types);
        this.order = new SortOrder(keys);
        this.cursors = new Cursor[senderCount];
    }

    @Override
    public Optional<Batch> next() {
        if (ended) {
            return Optional.empty();
        }
        if (queue == null) {
            queue = new PriorityQueue<>(Math.max(cursors.length, 1),
                    (a, b) -> order.compare(a::value, a.row, b::value, b.row));
            for (int s = 0; s < cursors.length; s++) {
                cursors[s] = new Cursor(s);
                if (cursors[s].advanceBatch()) {
                    queue.add(cursors[s]);
                }
            }
        }
        List<ColumnVector.Builder> builders = new ArrayList<>(types.size());
        for (SqlType type : types) {
            builders.add(ColumnVector.builder(type, Batch.DEFAULT_ROWS));
        }
        int rows = 0;
        while (rows < Batch.DEFAULT_ROWS && !queue.isEmpty()) {
            Cursor cursor = queue.poll();
            for (int c = 0; c < builders.size(); c++) {
                builders.get(c).append(cursor.batch.column(c).get(cursor.row));
            }
            rows++;
            if (cursor.advance()) {
                queue.add(cursor);
            }
        }
        if (rows == 0) {
            ended = true;
            receiver.close(false);
            return Optional.empty();
        }
        List<ColumnVector> columns = new ArrayList<>(builders.size());
        for (ColumnVector.Builder builder : builders) {
            columns.add(builder.build());
        }
        return Optional.of(new Batch(columns, rows));
    }

    @Override
    public void close() {
        boolean early = !ended;
        ended = true;
        receiver.close(early);
    }

    /** Where the merge stands in one sender's stream. */
    private final class Cursor {
        private final int sender;
        private Batch batch;
        private int row;

        Cursor(int sender) {
            this.sender = sender;
        }

        Object value(int column, int ignoredRow) {
            return batch.column(column).get(ignoredRow);
        }

        /** Moves to the next row; false at the end of this sender's stream. */
        boolean advance() {
            if (++row < batch.rowCount()) {
                return true;
            }
            return advanceBatch();
        }

        boolean advanceBatch() {
            while (true) {
                Batch next = receiver.nextFrom(sender);
                if (next == null) {
                    batch = null;
                    return false;
                }
                if (next.rowCount() > 0) {
                    batch = next;
                    row = 0;
                    return true;
                }
            }
        }
    }
}
