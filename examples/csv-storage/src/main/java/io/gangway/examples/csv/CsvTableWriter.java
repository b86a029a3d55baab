package io.gangway.examples.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.gangway.api.Batch;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.storage.TableWriter;

/**
 * Buffers the records of one transaction's inserts and appends them to the table's file. A
 * {@link #flush} appends the buffer in one write and fsyncs; a buffer that grows past
 * {@link #SPILL_CHARS} is appended early without an fsync, so that a large {@code INSERT … SELECT}
 * does not hold all its rows in memory (versions of a transaction that may still abort are fine on
 * disk: the reader's {@link io.gangway.spi.storage.Visibility} hides them).
 */
final class CsvTableWriter implements TableWriter {
    static final int SPILL_CHARS = 1 << 20;

    private final CsvTable table;
    private final TableDescriptor descriptor;
    private final long xid;
    private final CsvLineCodec codec;
    private final StringBuilder pending = new StringBuilder();
    /** Whether records were appended since the last fsync. */
    private boolean spilled;
    private boolean closed;

    CsvTableWriter(CsvTable table, TableDescriptor descriptor, long xid) {
        this.table = table;
        this.descriptor = descriptor;
        this.xid = xid;
        this.codec = new CsvLineCodec(descriptor.columnTypes());
    }

    @Override
    public void insert(Batch rows) {
        ensureOpen();
        if (rows.columnCount() != descriptor.columns().size()) {
            throw new SqlException(SqlState.INTERNAL_ERROR, "a batch of " + rows.columnCount()
                    + " columns for table \"" + descriptor.name() + "\" of " + descriptor.columns().size());
        }
        for (int row = 0; row < rows.rowCount(); row++) {
            codec.encode(xid, rows.row(row), pending);
            if (pending.length() >= SPILL_CHARS) {
                table.append(takePending(), false);
                spilled = true;
            }
        }
    }

    @Override
    public void flush() {
        ensureOpen();
        if (!pending.isEmpty() || spilled) {
            table.append(takePending(), true); // the fsync covers the early appends too
            spilled = false;
        }
    }

    private byte[] takePending() {
        byte[] bytes = pending.toString().getBytes(UTF_8);
        pending.setLength(0);
        return bytes;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("writer closed");
        }
    }

    /** Drops what was not flushed: rows of a transaction that is not going to commit. */
    @Override
    public void close() {
        closed = true;
        pending.setLength(0);
    }
}
