package io.gangway.spi;

import io.gangway.api.annotations.Experimental;
import io.gangway.api.settings.SettingDefinition;
import java.util.List;
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

    /**
     * Every setting this factory's service reads, from {@code config} at {@link #create} or later
     * from a session's settings: its name, type with bounds or allowed values and unit, default,
     * when it may change, and a one-line description. The engine builds its settings registry
     * ({@code SET}, {@code SHOW}, {@code gangway.conf}, {@code pg_settings}) from the declarations
     * of every installed factory and its own; a name declared twice must be declared alike (share
     * the constant, as {@link io.gangway.spi.interconnect.InterconnectSettings} does), or the
     * process refuses to start. Declare the context the service honours: a setting read only in
     * {@code create} is {@link io.gangway.api.settings.SettingContext#POSTMASTER}, never
     * {@code USER}. Called at start-up, before {@code create}, possibly more than once; it must
     * return the same list each time.
     */
    default List<SettingDefinition> settings() {
        return List.of();
    }
}
