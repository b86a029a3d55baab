package io.gangway.engine.exec.operator;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Batch;
import io.gangway.engine.exec.Operator;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Skips {@code offset} rows, then passes at most {@code count}. Once satisfied it closes its input
 * at once, so that a motion receiver below tells its senders to stop.
 */
public final class LimitOperator implements Operator {
    private final Operator input;
    private final OptionalLong count;
    private long toSkip;
    private long remaining;
    private boolean done;

    public LimitOperator(Operator input, OptionalLong count, long offset) {
        this.input = requireNonNull(input, "input is null");
        this.count = requireNonNull(count, "count is null");
        this.toSkip = Math.max(offset, 0);
        this.remaining = count.isPresent() ? Math.max(count.getAsLong(), 0) : Long.MAX_VALUE;
    }

    @Override
    public Optional<Batch> next() {
        while (!done) {
            if (remaining == 0) {
                finish();
                break;
            }
            Optional<Batch> next = input.next();
            if (next.isEmpty()) {
                done = true;
                break;
            }
            Batch batch = next.get();
            int n = batch.rowCount();
            int from = (int) Math.min(toSkip, n);
            toSkip -= from;
            int take = (int) Math.min(remaining, n - from);
            if (take <= 0) {
                continue;
            }
            remaining -= take;
            Batch out = from == 0 && take == n ? batch : batch.select(range(from, take), take);
            if (remaining == 0) {
                finish();
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    private void finish() {
        done = true;
        input.close();
    }

    private static int[] range(int from, int count) {
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = from + i;
        }
        return positions;
    }

    @Override
    public void close() {
        done = true;
        input.close();
    }

    @Override
    public String toString() {
        return "Limit(" + (count.isPresent() ? count.getAsLong() : "ALL") + ")";
    }
}
