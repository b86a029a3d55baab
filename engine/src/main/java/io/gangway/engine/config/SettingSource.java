package io.gangway.engine.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a setting's value came from, in PostgreSQL's words ({@code pg_settings.source}): the
 * {@code configuration file} (with its path and line), the {@code command line}, the {@code client}'s
 * startup packet, the {@code session} ({@code SET}), an {@code override} the server makes itself, or
 * the {@code default}.
 */
public record SettingSource(String kind, Optional<String> file, OptionalInt line) {
    public static final SettingSource DEFAULT = new SettingSource("default", Optional.empty(), OptionalInt.empty());
    public static final SettingSource COMMAND_LINE = new SettingSource("command line", Optional.empty(), OptionalInt.empty());
    public static final SettingSource CLIENT = new SettingSource("client", Optional.empty(), OptionalInt.empty());
    public static final SettingSource SESSION = new SettingSource("session", Optional.empty(), OptionalInt.empty());
    public static final SettingSource OVERRIDE = new SettingSource("override", Optional.empty(), OptionalInt.empty());

    public SettingSource {
        requireNonNull(kind, "kind is null");
        requireNonNull(file, "file is null");
        requireNonNull(line, "line is null");
    }

    /** A line of a configuration file. */
    public static SettingSource configurationFile(String file, int line) {
        return new SettingSource("configuration file", Optional.of(file), OptionalInt.of(line));
    }
}
