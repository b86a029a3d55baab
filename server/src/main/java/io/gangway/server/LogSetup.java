package io.gangway.server;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One structured line per log record ({@code ts=… level=… logger=… msg="…"}), at WARNING by default so
 * that a process is quiet unless something is wrong; {@code GANGWAY_LOG_LEVEL} (or the
 * {@code log_level} setting) makes it chattier (INFO, FINE for debug).
 */
final class LogSetup {
    private LogSetup() {
    }

    static void configure(String defaultLevel) {
        String wanted = System.getenv().getOrDefault("GANGWAY_LOG_LEVEL", defaultLevel).toUpperCase(Locale.ROOT);
        Level level = switch (wanted) {
            case "DEBUG" -> Level.FINE;
            case "TRACE" -> Level.FINEST;
            case "WARN" -> Level.WARNING;
            case "ERROR" -> Level.SEVERE;
            default -> Level.parse(wanted);
        };
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(level);
        console.setFormatter(new KeyValueFormatter());
        root.addHandler(console);
        root.setLevel(level);
    }

    /** {@code ts=2026-11-21T22:20:55.123Z level=WARNING logger=io.gangway… msg="…" error="…"}. */
    static final class KeyValueFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder(160)
                    .append("ts=").append(Instant.ofEpochMilli(record.getMillis()))
                    .append(" level=").append(record.getLevel().getName())
                    .append(" logger=").append(record.getLoggerName())
                    .append(" thread=").append(record.getLongThreadID())
                    .append(" msg=").append(quote(formatMessage(record)));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(" error=").append(quote(trace.toString()));
            }
            return line.append(System.lineSeparator()).toString();
        }

        private static String quote(String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
        }
    }
}
