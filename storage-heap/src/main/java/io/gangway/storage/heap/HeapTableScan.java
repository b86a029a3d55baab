package io.gangway.storage.heap;

import io.gangway.api.Batch;
import io.gangway.api.ColumnVector;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.storage.TableScan;
import io.gangway.spi.storage.Visibility;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sequential scan: the blocks that existed when it started, in order, one page at a time, each
 * verified, each normal line pointer's version offered to the {@link Visibility}, the visible ones
 * decoded into the requested columns. Rows appended after the start may or may not be seen.
 */
final class HeapTableScan implements TableScan {
    private final HeapRelation relation;
    private final int[] columns;
    private final List<SqlType> outputTypes;
    private final Visibility visibility;
    private final TupleDecoder decoder;
    private final Object[] values;
    private final int blocks;
    private final HeapPage page = new HeapPage();
    private int nextBlock;
    private int block = -1;
    private int nextLine = 1;
    private int lineCount;
    private boolean closed;

    HeapTableScan(HeapRelation relation, TableDescriptor table, List<Integer> columns, Visibility visibility) {
        this.relation = relation;
        this.columns = columns.stream().mapToInt(Integer::intValue).toArray();
        List<SqlType> types = table.columnTypes();
        this.outputTypes = columns.stream().map(types::get).toList();
        this.visibility = visibility;
        this.decoder = new TupleDecoder(types.stream().map(SqlType::kind).toList(), columns);
        this.values = new Object[types.size()];
        this.blocks = relation.blockCount();
    }

    @Override
    public Optional<Batch> next() {
        if (closed) {
            throw new IllegalStateException("scan closed");
        }
        ColumnVector.Builder[] builders = new ColumnVector.Builder[columns.length];
        for (int i = 0; i < columns.length; i++) {
            builders[i] = ColumnVector.builder(outputTypes.get(i), Batch.DEFAULT_ROWS);
        }
        int rows = 0;
        ByteBuffer buffer = page.buffer();
        while (rows < Batch.DEFAULT_ROWS) {
            if (nextLine > lineCount) {
                if (nextBlock >= blocks) {
                    break;
                }
                block = nextBlock++;
                relation.readPage(block, page, true);
                lineCount = page.isNew() ? 0 : page.lineCount();
                nextLine = 1;
                continue;
            }
            int line = nextLine++;
            if (page.itemState(line) != HeapPage.LP_NORMAL) {
                continue;
            }
            int at = page.itemOffset(line);
            if (!visibility.isVisible(HeapTupleHeader.xmin(buffer, at), HeapTupleHeader.xmax(buffer, at))) {
                continue;
            }
            decode(buffer, at, line);
            for (int i = 0; i < columns.length; i++) {
                builders[i].append(values[columns[i]]);
            }
            rows++;
        }
        if (rows == 0) {
            return Optional.empty();
        }
        List<ColumnVector> vectors = new ArrayList<>(columns.length);
        for (ColumnVector.Builder builder : builders) {
            vectors.add(builder.build());
        }
        return Optional.of(new Batch(vectors, rows));
    }

    private void decode(ByteBuffer buffer, int at, int line) {
        if (columns.length == 0) {
            return;
        }
        try {
            decoder.decode(buffer, at, values);
        } catch (IndexOutOfBoundsException | IllegalArgumentException | ArithmeticException
                 | java.time.DateTimeException e) {
            // The checksum matched, so this is a bug or a page of another format; either way unreadable.
            throw new SqlException(SqlState.DATA_CORRUPTED, "invalid tuple at (" + block + "," + line
                    + ") of relation " + relation.displayName(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
