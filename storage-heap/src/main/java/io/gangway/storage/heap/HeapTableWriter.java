package io.gangway.storage.heap;

import io.gangway.api.Batch;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.storage.TableWriter;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;

/**
 * Appends the versions of one transaction to a heap table. It fills one page at a time, a page no
 * other writer holds (see {@link HeapRelation}); a full page is written to the file at once (no
 * fsync) and the next one taken; {@link #flush} writes the current page and fsyncs every segment
 * file written since the last flush. On close the current page is written and offered to the
 * next writer, so that many small inserts share pages.
 */
final class HeapTableWriter implements TableWriter {
    private final HeapRelation relation;
    private final TableDescriptor table;
    private final long xid;
    private final TupleEncoder encoder;
    private final HeapPage page = new HeapPage();
    private final Set<Integer> unsyncedSegments = new HashSet<>();
    private int block = -1;
    private boolean dirty;
    private boolean closed;

    HeapTableWriter(HeapRelation relation, TableDescriptor table, long xid) {
        this.relation = relation;
        this.table = table;
        this.xid = xid;
        this.encoder = new TupleEncoder(table);
    }

    @Override
    public void insert(Batch rows) {
        ensureOpen();
        if (rows.columnCount() != table.columns().size()) {
            throw new SqlException(SqlState.INTERNAL_ERROR, "a batch of " + rows.columnCount()
                    + " columns for table \"" + table.name() + "\" of " + table.columns().size());
        }
        for (int row = 0; row < rows.rowCount(); row++) {
            ByteBuffer tuple = encoder.encode(rows, row, xid);
            if (block < 0 || !page.hasRoomFor(tuple.remaining())) {
                switchPage(tuple.remaining());
            }
            page.addTuple(tuple, block);
            dirty = true;
        }
    }

    private void switchPage(int tupleLength) {
        releaseCurrent();
        block = relation.takePage(tupleLength, page);
    }

    private void releaseCurrent() {
        if (block >= 0) {
            writeCurrent();
            relation.releasePage(block, page.freeSpace());
            block = -1;
        }
    }

    private void writeCurrent() {
        if (dirty) {
            unsyncedSegments.add(relation.writePage(block, page));
            dirty = false;
        }
    }

    @Override
    public void flush() {
        ensureOpen();
        if (block >= 0) {
            writeCurrent();
        }
        relation.sync(unsyncedSegments);
        unsyncedSegments.clear();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("writer closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        releaseCurrent();
    }
}
