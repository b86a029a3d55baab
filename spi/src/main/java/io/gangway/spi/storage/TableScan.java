package io.gangway.spi.storage;

import io.gangway.api.Batch;
import java.util.Optional;

/** A scan in progress. Not thread-safe; close it when done, also after an error. */
public interface TableScan extends AutoCloseable {
    /** The next batch of visible rows, or empty at the end of the table. */
    Optional<Batch> next();

    @Override
    void close();
}
