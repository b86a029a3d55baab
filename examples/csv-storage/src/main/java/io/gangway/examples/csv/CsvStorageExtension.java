package io.gangway.examples.csv;

import io.gangway.spi.Extension;
import io.gangway.spi.ServiceFactory;
import java.util.List;

/**
 * The extension's entry point. The server finds it with {@link java.util.ServiceLoader}, through
 * the file {@code META-INF/services/io.gangway.spi.Extension} in this jar, and asks it for its
 * factories once at start-up. It needs a public no-argument constructor, nothing else.
 */
public final class CsvStorageExtension implements Extension {
    @Override
    public String name() {
        return "csv";
    }

    @Override
    public List<ServiceFactory<?>> factories() {
        return List.of(new CsvStorageFactory());
    }
}
