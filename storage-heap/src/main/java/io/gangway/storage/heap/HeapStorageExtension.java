package io.gangway.storage.heap;

import io.gangway.spi.Extension;
import io.gangway.spi.ServiceFactory;
import java.util.List;

/** The heap storage engine's entry point: one factory, {@code heap}. */
public final class HeapStorageExtension implements Extension {
    @Override
    public String name() {
        return "heap";
    }

    @Override
    public List<ServiceFactory<?>> factories() {
        return List.of(new HeapStorageFactory());
    }
}
