package io.gangway.storage.heap;

import io.gangway.spi.storage.StorageEngine;
import io.gangway.tck.storage.StorageEngineContractTest;
import java.nio.file.Path;

class HeapStorageEngineContractTest extends StorageEngineContractTest {
    @Override
    protected StorageEngine createEngine(Path dataDirectory) {
        return new HeapStorageEngine(dataDirectory);
    }
}
