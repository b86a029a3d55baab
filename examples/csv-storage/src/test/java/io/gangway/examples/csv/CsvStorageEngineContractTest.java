package io.gangway.examples.csv;

import io.gangway.spi.storage.StorageEngine;
import io.gangway.tck.storage.StorageBehavior;
import io.gangway.tck.storage.StorageEngineContractTest;
import java.nio.file.Path;

/**
 * The TCK's storage contract, run against this engine: all of it, since the engine has every
 * optional {@link StorageBehavior} (its tables survive a restart). An engine without one would
 * return {@code false} for it in {@link #hasBehavior}.
 */
class CsvStorageEngineContractTest extends StorageEngineContractTest {
    @Override
    protected StorageEngine createEngine(Path dataDirectory) {
        return new CsvStorageEngine(dataDirectory);
    }

    @Override
    protected boolean hasBehavior(StorageBehavior behavior) {
        return switch (behavior) {
            case SURVIVES_RESTART -> true;
        };
    }
}
