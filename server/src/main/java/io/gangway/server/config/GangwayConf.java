package io.gangway.server.config;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code gangway.conf} file: {@code name = value} lines, {@code #} comments, values optionally in
 * single quotes, as in {@code postgresql.conf}. Names are lower-cased.
 */
public final class GangwayConf {
    public static final String FILE_NAME = "gangway.conf";

    private GangwayConf() {
    }

    /** One {@code name = value} line of a file: the name lower-cased, the value unquoted. */
    public record Entry(String name, String value, String file, int line) {
    }

    /** The settings of the data directory's file, by name (a name given twice: its last line wins). */
    public static Map<String, String> read(Path dataDirectory) {
        return values(readEntries(dataDirectory));
    }

    /** The data directory's file, line by line, for a reader that reports where a bad setting is. */
    public static List<Entry> readEntries(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            throw new SqlException(SqlState.UNDEFINED_OBJECT, "no " + FILE_NAME + " in " + dataDirectory
                    + ": is this a Gangway data directory?");
        }
        try {
            return parseEntries(Files.readAllLines(file), file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new SqlException(SqlState.IO_ERROR, "could not read " + file + ": " + e.getMessage(), e);
        }
    }

    static Map<String, String> parse(List<String> lines, String source) {
        return values(parseEntries(lines, source));
    }

    private static Map<String, String> values(List<Entry> entries) {
        Map<String, String> values = new LinkedHashMap<>();
        entries.forEach(e -> values.put(e.name(), e.value()));
        return values;
    }

    static List<Entry> parseEntries(List<String> lines, String source) {
        List<Entry> entries = new ArrayList<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = stripComment(raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new SqlException(SqlState.SYNTAX_ERROR, "syntax error in file \"" + source + "\" line " + number
                        + ", expected name = value");
            }
            String name = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1).replace("''", "'");
            }
            entries.add(new Entry(name, value, source, number));
        }
        return entries;
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Writes a conf file with these settings, one per line, quoting values that need it. */
    public static void write(Path dataDirectory, String header, Map<String, String> values) {
        StringBuilder text = new StringBuilder("# ").append(header).append('\n');
        values.forEach((k, v) -> text.append(k).append(" = '").append(v.replace("'", "''")).append("'\n"));
        try {
            Files.createDirectories(dataDirectory);
            Files.writeString(dataDirectory.resolve(FILE_NAME), text);
        } catch (IOException e) {
            throw new SqlException(SqlState.IO_ERROR, "could not write " + FILE_NAME + " in " + dataDirectory + ": "
                    + e.getMessage(), e);
        }
    }
}
