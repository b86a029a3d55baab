package io.gangway.storage.heap;

import io.gangway.spi.ExtensionContext;
import io.gangway.spi.ServiceFactory;
import io.gangway.spi.storage.StorageEngine;
import java.util.Map;

/** Makes the process's heap engine over its data directory. No settings yet. */
public final class HeapStorageFactory implements ServiceFactory<StorageEngine> {
    @Override
    public Class<StorageEngine> type() {
        return StorageEngine.class;
    }

    @Override
    public String name() {
        return "heap";
    }

    @Override
    public StorageEngine create(ExtensionContext context, Map<String, String> config) {
        return new HeapStorageEngine(context.dataDirectory());
    }
}
