package io.gangway.storage.heap;

import io.gangway.spi.storage.StorageEngine;
import io.gangway.tck.storage.StorageEngineContractTest;
import java.nio.file.Path;

/** The contract again with 3-page segment files, so that every larger table crosses segments. */
class SmallSegmentHeapContractTest extends StorageEngineContractTest {
    @Override
    protected StorageEngine createEngine(Path dataDirectory) {
        return new HeapStorageEngine(dataDirectory, 3);
    }
}
