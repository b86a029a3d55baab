package io.gangway.spi;

import io.gangway.api.annotations.Experimental;
import java.util.Map;

/**
 * Makes one SPI service ({@link io.gangway.spi.parser.Parser}, {@link io.gangway.spi.storage.StorageEngine},
 * …) for a process. Called once per process, at start-up, on the main thread; the service it
 * returns lives as long as the process.
 *
 * @param <T> the SPI interface this factory implements
 */
@Experimental("factories will declare their settings (a settings() method, issue 7)")
public interface ServiceFactory<T> {
    /** The SPI interface the service implements. */
    Class<T> type();

    /** The name configuration selects it by: {@code antlr}, {@code rules}, {@code default}, {@code tcp}, {@code heap}. */
    String name();

    /**
     * Makes the service. {@code config} holds the process's settings (its {@code gangway.conf} and
     * command line); a bad value throws {@link io.gangway.api.SqlException} with SQLSTATE 22023.
     */
    T create(ExtensionContext context, Map<String, String> config);
}
