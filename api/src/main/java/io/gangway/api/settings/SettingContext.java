package io.gangway.api.settings;

import java.util.Locale;

/**
 * When a setting may change, in PostgreSQL's words (the {@code context} column of {@code pg_settings}).
 * A setting is declared with the context its owner honours: one read only when the process starts is
 * {@link #POSTMASTER}, never {@link #USER}, or a {@code SET} would be accepted and then do nothing.
 */
public enum SettingContext {
    /** Fixed by the build or the cluster; nothing can change it ({@code server_version}). */
    INTERNAL,
    /** Read when the process starts: set in {@code gangway.conf} or on the command line, then fixed. */
    POSTMASTER,
    /** Read again when the process reloads its configuration; not per session. */
    SIGHUP,
    /** Per session: {@code SET}, {@code RESET} and the client's startup parameters change it. */
    USER;

    /** The name {@code pg_settings.context} shows: {@code internal}, {@code postmaster}, {@code sighup}, {@code user}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
