package io.gangway.spi.storage;

import io.gangway.api.Batch;

/** Appends row versions of one transaction to one table. Not thread-safe. */
public interface TableWriter extends AutoCloseable {
    /** Appends every row of the batch (one column per table column, in table order). */
    void insert(Batch rows);

    /** Writes everything appended so far to disk and fsyncs it; returns when durable. */
    void flush();

    /** Releases the writer; unflushed rows may or may not reach disk. */
    @Override
    void close();
}
