package io.gangway.engine.exec.operator;

import io.gangway.engine.exec.MemoryAccount;
import static java.util.Objects.requireNonNull;

import io.gangway.api.Batch;
import io.gangway.api.SqlType;
import io.gangway.engine.exec.Operator;
import io.gangway.spi.plan.SortKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sorts its whole input in memory, then outputs it in batches. Spilling to disk past
 * {@code work_mem} (an external merge sort) is not implemented yet.
 */
public final class SortOperator implements Operator {
    private final Operator input;
    private final SortOrder order;
    private final RowStore rows;
    private int[] sorted;
    private int position;

    public SortOperator(Operator input, List<SqlType> types, List<SortKey> keys) {
        this(input, types, keys, new MemoryAccount());
    }

    /** A sort whose buffered input is charged to {@code memory}. */
    public SortOperator(Operator input, List<SqlType> types, List<SortKey> keys, MemoryAccount memory) {
        this.input = requireNonNull(input, "input is null");
        this.order = new SortOrder(keys);
        this.rows = new RowStore(types, memory);
    }

    @Override
    public Optional<Batch> next() {
        if (sorted == null) {
            for (Optional<Batch> b = input.next(); b.isPresent(); b = input.next()) {
                rows.add(b.get());
            }
            input.close();
            Integer[] boxed = new Integer[rows.size()];
            for (int i = 0; i < boxed.length; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (x, y) -> order.compare(rows::get, x, rows::get, y));
            sorted = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        }
        if (position >= sorted.length) {
            return Optional.empty();
        }
        int count = Math.min(Batch.DEFAULT_ROWS, sorted.length - position);
        Batch out = rows.batch(Arrays.copyOfRange(sorted, position, position + count), count);
        position += count;
        return Optional.of(out);
    }

    @Override
    public void close() {
        input.close();
    }
}
