package io.gangway.api.settings;

/**
 * PostgreSQL's settings that more than one module reads, declared once so that every reader
 * declares the same definition (the engine's registry refuses two different ones).
 */
public final class StandardSettings {
    /**
     * {@code statement_timeout}: the QD cancels a statement running longer, and the dispatcher bounds
     * its waits by it; 0 turns it off. A bare number is milliseconds, as in PostgreSQL.
     */
    public static final SettingDefinition STATEMENT_TIMEOUT = SettingDefinition.integer("statement_timeout", 0,
            SettingUnit.MILLISECONDS, 0, Integer.MAX_VALUE, SettingContext.USER, "Client Connection Defaults / Statement Behavior",
            "Sets the maximum allowed duration of any statement.");

    private StandardSettings() {
    }
}
