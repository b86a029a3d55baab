package io.gangway.api.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A unit of an integer or real setting, with PostgreSQL's suffixes: sizes ({@code B}, {@code kB},
 * {@code MB}, {@code GB}, {@code TB}, powers of 1024) and durations ({@code us}, {@code ms}, {@code s},
 * {@code min}, {@code h}, {@code d}). Suffixes are case-sensitive, as in PostgreSQL.
 */
public enum SettingUnit {
    BYTES("B", Kind.MEMORY, 1L),
    KILOBYTES("kB", Kind.MEMORY, 1L << 10),
    MEGABYTES("MB", Kind.MEMORY, 1L << 20),
    GIGABYTES("GB", Kind.MEMORY, 1L << 30),
    TERABYTES("TB", Kind.MEMORY, 1L << 40),
    MICROSECONDS("us", Kind.TIME, 1L),
    MILLISECONDS("ms", Kind.TIME, 1_000L),
    SECONDS("s", Kind.TIME, 1_000_000L),
    MINUTES("min", Kind.TIME, 60_000_000L),
    HOURS("h", Kind.TIME, 3_600_000_000L),
    DAYS("d", Kind.TIME, 86_400_000_000L);

    /** What a unit measures: a size in bytes or a duration in microseconds. */
    public enum Kind { MEMORY, TIME }

    private final String symbol;
    private final Kind kind;
    private final long factor;

    SettingUnit(String symbol, Kind kind, long factor) {
        this.symbol = symbol;
        this.kind = kind;
        this.factor = factor;
    }

    /** The suffix, as written in a value and shown in {@code pg_settings.unit}. */
    public String symbol() {
        return symbol;
    }

    public Kind kind() {
        return kind;
    }

    /** How many bytes (sizes) or microseconds (durations) one of this unit is. */
    public long factor() {
        return factor;
    }

    /** The units of one kind, smallest first. */
    public static List<SettingUnit> of(Kind kind) {
        return Arrays.stream(values()).filter(u -> u.kind == kind).toList();
    }

    /** The unit a suffix names, matched exactly ({@code kB}, not {@code KB}). */
    public static Optional<SettingUnit> bySymbol(String symbol) {
        return Arrays.stream(values()).filter(u -> u.symbol.equals(symbol)).findFirst();
    }
}
