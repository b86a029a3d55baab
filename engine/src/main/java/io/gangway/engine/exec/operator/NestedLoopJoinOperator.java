package io.gangway.engine.exec.operator;

import io.gangway.engine.exec.MemoryAccount;
import io.gangway.engine.exec.CancelState;
import static java.util.Objects.requireNonNull;

import io.gangway.api.Batch;
import io.gangway.api.ColumnVector;
import io.gangway.api.SqlType;
import io.gangway.engine.exec.Operator;
import io.gangway.engine.exec.expr.CompiledExpr;
import io.gangway.spi.query.FromNode.JoinType;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Nested-loop join: materializes the right (inner) input in memory, then pairs every left row with
 * every right row, a batch of pairs at a time, keeping pairs that pass the condition (all of them
 * for a CROSS join or without condition). LEFT/RIGHT/FULL pad unmatched rows with NULLs.
 */
public final class NestedLoopJoinOperator implements Operator {
    private final JoinType joinType;
    private final Operator left;
    private final Operator right;
    private final List<SqlType> leftTypes;
    private final RowStore inner;
    private final Optional<CompiledExpr> condition;
    /** Checked for every chunk of pairs: a join whose pairs all fail its condition may run long without returning a batch. */
    private final CancelState cancel;
    private final int[] lpos = new int[Batch.DEFAULT_ROWS];
    private final int[] rpos = new int[Batch.DEFAULT_ROWS];
    private BitSet rightMatched;
    private boolean built;
    private boolean done;
    private Batch current;
    private boolean[] leftMatched;
    private int leftRow;
    private int rightRow;
    private boolean unmatchedRightEmitted;
    private int unmatchedCursor;

    public NestedLoopJoinOperator(JoinType joinType, Operator left, Operator right, List<SqlType> leftTypes,
            List<SqlType> rightTypes, Optional<CompiledExpr> condition, CancelState cancel) {
        this(joinType, left, right, leftTypes, rightTypes, condition, cancel, new MemoryAccount());
    }

    /** A nested-loop join whose inner rows are charged to {@code memory}. */
    public NestedLoopJoinOperator(JoinType joinType, Operator left, Operator right, List<SqlType> leftTypes,
            List<SqlType> rightTypes, Optional<CompiledExpr> condition, CancelState cancel, MemoryAccount memory) {
        this.cancel = requireNonNull(cancel, "cancel is null");
        this.joinType = requireNonNull(joinType, "joinType is null");
        this.left = requireNonNull(left, "left is null");
        this.right = requireNonNull(right, "right is null");
        this.leftTypes = List.copyOf(leftTypes);
        this.inner = new RowStore(rightTypes, memory);
        this.condition = requireNonNull(condition, "condition is null");
    }

    @Override
    public Optional<Batch> next() {
        if (!built) {
            build();
        }
        while (!done) {
            if (current == null) {
                Optional<Batch> next = left.next();
                if (next.isEmpty()) {
                    left.close();
                    Optional<Batch> tail = unmatchedRight();
                    if (tail.isPresent()) {
                        return tail;
                    }
                    done = true;
                    break;
                }
                current = next.get();
                leftMatched = new boolean[current.rowCount()];
                leftRow = 0;
                rightRow = 0;
            }
            cancel.check();
            Optional<Batch> out = nextPairs();
            if (out.isPresent()) {
                return out;
            }
        }
        return Optional.empty();
    }

    private void build() {
        built = true;
        for (Optional<Batch> b = right.next(); b.isPresent(); b = right.next()) {
            inner.add(b.get());
        }
        right.close();
        rightMatched = new BitSet(inner.size());
    }

    /**
     * The next batch of joined rows from the current left batch, or empty if none came of this step;
     * once the left batch is used up it is forgotten ({@code current} null).
     */
    private Optional<Batch> nextPairs() {
        int count = 0;
        while (leftRow < current.rowCount() && count < lpos.length && inner.size() > 0) {
            lpos[count] = leftRow;
            rpos[count] = rightRow;
            count++;
            if (++rightRow == inner.size()) {
                rightRow = 0;
                leftRow++;
            }
        }
        if (count > 0) {
            Batch pairs = Batches.combine(leftTypes, current, lpos, inner, rpos, count);
            Batch kept = keep(pairs, count);
            if (kept.rowCount() > 0) {
                return Optional.of(kept);
            }
            return Optional.empty(); // all pairs filtered out; the caller loops on
        }
        Batch finished = current;
        boolean[] matched = leftMatched;
        current = null;
        if (joinType == JoinType.LEFT || joinType == JoinType.FULL) {
            int unmatched = 0;
            int[] positions = new int[matched.length];
            for (int i = 0; i < matched.length; i++) {
                if (!matched[i]) {
                    positions[unmatched++] = i;
                }
            }
            if (unmatched > 0) {
                int[] none = new int[unmatched];
                Arrays.fill(none, -1);
                return Optional.of(Batches.combine(leftTypes, finished, positions, inner, none, unmatched));
            }
        }
        return Optional.empty();
    }

    private Batch keep(Batch pairs, int count) {
        if (condition.isEmpty()) {
            for (int k = 0; k < count; k++) {
                leftMatched[lpos[k]] = true;
                rightMatched.set(rpos[k]);
            }
            return pairs;
        }
        ColumnVector pass = condition.get().evaluate(pairs);
        int[] keep = new int[count];
        int kept = 0;
        for (int k = 0; k < count; k++) {
            if (Boolean.TRUE.equals(pass.get(k))) {
                keep[kept++] = k;
                leftMatched[lpos[k]] = true;
                rightMatched.set(rpos[k]);
            }
        }
        return kept == count ? pairs : pairs.select(keep, kept);
    }

    private Optional<Batch> unmatchedRight() {
        if (unmatchedRightEmitted || !(joinType == JoinType.RIGHT || joinType == JoinType.FULL)) {
            return Optional.empty();
        }
        int count = 0;
        while (count < rpos.length) {
            int r = rightMatched.nextClearBit(unmatchedCursor);
            if (r >= inner.size()) {
                unmatchedRightEmitted = true;
                break;
            }
            rpos[count] = r;
            lpos[count] = -1;
            count++;
            unmatchedCursor = r + 1;
        }
        return count == 0 ? Optional.empty() : Optional.of(Batches.combine(leftTypes, null, lpos, inner, rpos, count));
    }

    @Override
    public void close() {
        try {
            left.close();
        } finally {
            right.close();
        }
    }
}
