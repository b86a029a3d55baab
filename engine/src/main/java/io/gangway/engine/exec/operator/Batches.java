package io.gangway.engine.exec.operator;

import io.gangway.api.Batch;
import io.gangway.api.ColumnVector;
import io.gangway.api.SqlType;
import io.gangway.engine.exec.expr.CompiledExpr;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Small batch helpers shared by operators. */
public final class Batches {
    private Batches() {
    }

    /** The rows of {@code batch} for which {@code predicate} is true (not false, not NULL). */
    public static Batch filter(Batch batch, CompiledExpr predicate) {
        ColumnVector result = predicate.evaluate(batch);
        int n = batch.rowCount();
        int[] keep = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (Boolean.TRUE.equals(result.get(i))) {
                keep[count++] = i;
            }
        }
        return count == n ? batch : batch.select(keep, count);
    }

    /** Left rows at {@code leftPositions} beside right rows at {@code rightPositions}; {@code -1} pads with NULLs. */
    public static Batch combine(List<SqlType> leftTypes, @Nullable Batch left, int[] leftPositions, RowStore right,
            int[] rightPositions, int count) {
        List<ColumnVector> columns = new ArrayList<>(leftTypes.size() + right.types().size());
        for (int c = 0; c < leftTypes.size(); c++) {
            Object[] values = new Object[count];
            ColumnVector vector = left == null ? null : left.column(c);
            for (int i = 0; i < count; i++) {
                int p = leftPositions[i];
                values[i] = p < 0 || vector == null ? null : vector.get(p);
            }
            columns.add(new ColumnVector(leftTypes.get(c), values, count));
        }
        columns.addAll(right.vectors(rightPositions, count));
        return new Batch(columns, count);
    }

    /** Evaluates every expression over the batch. */
    public static Batch project(Batch batch, List<CompiledExpr> expressions) {
        List<ColumnVector> columns = new ArrayList<>(expressions.size());
        for (CompiledExpr expression : expressions) {
            columns.add(expression.evaluate(batch));
        }
        return new Batch(columns, batch.rowCount());
    }
}
