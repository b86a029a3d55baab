package io.gangway.spi.storage;

import io.gangway.api.Batch;
import io.gangway.spi.catalog.TableDescriptor;
import java.util.List;

/**
 * Table storage on one segment (or the coordinator): files under the process's data directory.
 *
 * <p>Life cycle: made once per process by its factory; {@link #createTable} when {@code CREATE TABLE}
 * is dispatched, then any number of {@link #openWriter writers} and {@link #scan scans}, from many
 * QE threads at once; {@link #dropTable} when {@code DROP TABLE} is dispatched; {@link #close} at
 * process shutdown.
 *
 * <p>Versions and durability: every row version stored carries a header naming the transaction
 * that made it ({@code xmin}) and the one that removed it ({@code xmax}, 0 while live). Which
 * versions a scan returns is the caller's {@link Visibility} (the segment's transaction manager
 * owns the commit log). {@link TableWriter#flush()} returns only once everything written is on
 * disk (fsync'd), so a transaction the caller commits after it survives a crash of the process.
 * Data written but never flushed may be lost in a crash, or survive as versions of a transaction
 * that never committed (which visibility hides).
 *
 * <p>Errors are {@link io.gangway.api.SqlException}s ({@code 58030} for I/O,
 * {@code XX001} for a corrupt page, {@code 42P01} for a table with no storage here).
 */
public interface StorageEngine extends AutoCloseable {
    /** Creates the table's (empty) files and makes them durable. Idempotent for a table that exists empty. */
    void createTable(TableDescriptor table);

    /** Removes the table's files. A table with no files here is not an error. */
    void dropTable(TableDescriptor table);

    /** A writer appending row versions made by transaction {@code xid}. One thread at a time per writer. */
    TableWriter openWriter(TableDescriptor table, long xid);

    /**
     * Reads the versions {@code visibility} accepts, projected to {@code columns} (table column
     * indexes, in the order wanted; empty for none, e.g. {@code count(*)}), as batches of up to
     * {@link Batch#DEFAULT_ROWS} rows.
     */
    TableScan scan(TableDescriptor table, List<Integer> columns, Visibility visibility);

    @Override
    void close();
}
