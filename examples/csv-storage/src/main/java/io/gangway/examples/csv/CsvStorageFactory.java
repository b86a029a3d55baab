package io.gangway.examples.csv;

import io.gangway.spi.ExtensionContext;
import io.gangway.spi.ServiceFactory;
import io.gangway.spi.storage.StorageEngine;
import java.util.Map;

/**
 * Makes the {@code csv} storage engine of a process. Its name is what {@code CREATE TABLE … USING csv}
 * names; every process (coordinator and segments) makes one, over its own data directory. The engine
 * reads no settings, so {@code config} is unused.
 */
public final class CsvStorageFactory implements ServiceFactory<StorageEngine> {
    @Override
    public Class<StorageEngine> type() {
        return StorageEngine.class;
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public StorageEngine create(ExtensionContext context, Map<String, String> config) {
        return new CsvStorageEngine(context.dataDirectory());
    }
}
