package io.gangway.engine.exec.operator;

import io.gangway.engine.exec.MemoryAccount;
import static java.util.Objects.requireNonNull;

import io.gangway.api.Batch;
import io.gangway.api.ColumnVector;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.engine.exec.Operator;
import io.gangway.engine.exec.expr.CompiledExpr;
import io.gangway.spi.query.FromNode.JoinType;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hash join: builds an in-memory hash table on the right (inner) input, then probes it with each
 * left batch. NULL keys never match. The residual predicate (over left ++ right) filters matched
 * pairs; a LEFT (FULL) join pads left rows without a surviving match with NULLs, a RIGHT (FULL)
 * join emits unmatched right rows after the left input ends. The build side is not bounded by
 * {@code work_mem} yet (no spilling).
 */
public final class HashJoinOperator implements Operator {
    private final JoinType joinType;
    private final Operator left;
    private final Operator right;
    private final List<SqlType> leftTypes;
    private final RowStore build;
    private final List<CompiledExpr> leftKeys;
    private final List<CompiledExpr> rightKeys;
    private final Optional<CompiledExpr> residual;
    private final Map<Object, IntList> table = new HashMap<>();
    private final ArrayDeque<Batch> output = new ArrayDeque<>();
    private BitSet rightMatched;
    private boolean built;
    private boolean leftDone;

    public HashJoinOperator(JoinType joinType, Operator left, Operator right, List<SqlType> leftTypes,
            List<SqlType> rightTypes, List<CompiledExpr> leftKeys, List<CompiledExpr> rightKeys,
            Optional<CompiledExpr> residual) {
        this(joinType, left, right, leftTypes, rightTypes, leftKeys, rightKeys, residual, new MemoryAccount());
    }

    /** A hash join whose build side is charged to {@code memory}. */
    public HashJoinOperator(JoinType joinType, Operator left, Operator right, List<SqlType> leftTypes,
            List<SqlType> rightTypes, List<CompiledExpr> leftKeys, List<CompiledExpr> rightKeys,
            Optional<CompiledExpr> residual, MemoryAccount memory) {
        if (joinType == JoinType.CROSS) {
            throw new SqlException(SqlState.INTERNAL_ERROR, "a hash join cannot be a cross join");
        }
        this.joinType = joinType;
        this.left = requireNonNull(left, "left is null");
        this.right = requireNonNull(right, "right is null");
        this.leftTypes = List.copyOf(leftTypes);
        this.build = new RowStore(rightTypes, memory);
        this.leftKeys = List.copyOf(leftKeys);
        this.rightKeys = List.copyOf(rightKeys);
        this.residual = requireNonNull(residual, "residual is null");
    }

    @Override
    public Optional<Batch> next() {
        if (!built) {
            buildTable();
        }
        while (output.isEmpty() && !leftDone) {
            Optional<Batch> batch = left.next();
            if (batch.isPresent()) {
                probe(batch.get());
            } else {
                leftDone = true;
                left.close();
                if (keepsUnmatchedRight()) {
                    emitUnmatchedRight();
                }
            }
        }
        return Optional.ofNullable(output.poll());
    }

    private void buildTable() {
        built = true;
        for (Optional<Batch> b = right.next(); b.isPresent(); b = right.next()) {
            Batch batch = b.get();
            ColumnVector[] keys = evaluate(rightKeys, batch);
            int base = build.size();
            build.add(batch);
            for (int i = 0; i < batch.rowCount(); i++) {
                Object key = JoinKeys.key(keys, i);
                if (key != null) {
                    table.computeIfAbsent(key, k -> new IntList()).add(base + i);
                }
            }
        }
        right.close();
        rightMatched = new BitSet(build.size());
        if (build.size() == 0 && (joinType == JoinType.INNER || joinType == JoinType.RIGHT)) {
            // Nothing can match: stop the left input early (its motion senders stop too).
            leftDone = true;
            left.close();
        }
    }

    private void probe(Batch batch) {
        ColumnVector[] keys = evaluate(leftKeys, batch);
        boolean[] leftMatched = new boolean[batch.rowCount()];
        int[] lpos = new int[Batch.DEFAULT_ROWS];
        int[] rpos = new int[Batch.DEFAULT_ROWS];
        int count = 0;
        for (int i = 0; i < batch.rowCount(); i++) {
            Object key = JoinKeys.key(keys, i);
            IntList matches = key == null ? null : table.get(key);
            if (matches == null) {
                continue;
            }
            for (int m = 0; m < matches.size(); m++) {
                lpos[count] = i;
                rpos[count] = matches.get(m);
                if (++count == lpos.length) {
                    emitPairs(batch, lpos, rpos, count, leftMatched);
                    count = 0;
                }
            }
        }
        if (count > 0) {
            emitPairs(batch, lpos, rpos, count, leftMatched);
        }
        if (joinType == JoinType.LEFT || joinType == JoinType.FULL) {
            int unmatched = 0;
            for (int i = 0; i < leftMatched.length; i++) {
                if (!leftMatched[i]) {
                    lpos[unmatched] = i;
                    rpos[unmatched] = -1;
                    if (++unmatched == lpos.length) {
                        output.add(Batches.combine(leftTypes, batch, lpos, build, rpos, unmatched));
                        unmatched = 0;
                    }
                }
            }
            if (unmatched > 0) {
                output.add(Batches.combine(leftTypes, batch, lpos, build, rpos, unmatched));
            }
        }
    }

    private void emitPairs(Batch batch, int[] lpos, int[] rpos, int count, boolean[] leftMatched) {
        Batch pairs = Batches.combine(leftTypes, batch, lpos, build, rpos, count);
        if (residual.isPresent()) {
            ColumnVector pass = residual.get().evaluate(pairs);
            int[] keep = new int[count];
            int kept = 0;
            for (int k = 0; k < count; k++) {
                if (Boolean.TRUE.equals(pass.get(k))) {
                    keep[kept++] = k;
                    leftMatched[lpos[k]] = true;
                    rightMatched.set(rpos[k]);
                }
            }
            if (kept > 0) {
                output.add(kept == count ? pairs : pairs.select(keep, kept));
            }
            return;
        }
        for (int k = 0; k < count; k++) {
            leftMatched[lpos[k]] = true;
            rightMatched.set(rpos[k]);
        }
        output.add(pairs);
    }

    private boolean keepsUnmatchedRight() {
        return joinType == JoinType.RIGHT || joinType == JoinType.FULL;
    }

    private void emitUnmatchedRight() {
        int[] lpos = new int[Batch.DEFAULT_ROWS];
        int[] rpos = new int[Batch.DEFAULT_ROWS];
        java.util.Arrays.fill(lpos, -1);
        int count = 0;
        for (int r = rightMatched.nextClearBit(0); r < build.size(); r = rightMatched.nextClearBit(r + 1)) {
            rpos[count] = r;
            if (++count == rpos.length) {
                output.add(Batches.combine(leftTypes, null, lpos, build, rpos, count));
                count = 0;
            }
        }
        if (count > 0) {
            output.add(Batches.combine(leftTypes, null, lpos, build, rpos, count));
        }
    }

    private static ColumnVector[] evaluate(List<CompiledExpr> keys, Batch batch) {
        ColumnVector[] vectors = new ColumnVector[keys.size()];
        for (int k = 0; k < vectors.length; k++) {
            vectors[k] = keys.get(k).evaluate(batch);
        }
        return vectors;
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
