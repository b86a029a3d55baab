package io.gangway.server;

import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.server.config.ServerSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The {@code gangway} command line.
 *
 * <pre>
 *   gangway demo [--port 15432] [--datadir data/demo] [--interconnect tcp|udp]
 *   gangway coordinator -D DATADIR [-c name=value ...]
 *   gangway segment -D DATADIR [-c name=value ...]
 * </pre>
 */
public final class GangwayMain {
    private GangwayMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        if (args.length == 0) {
            usage(out);
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        Map<String, String> settings = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (i + 1 >= args.length) {
                fail("option " + arg + " needs a value");
            }
            String value = args[++i];
            switch (arg) {
                case "-D", "--datadir" -> options.put("datadir", value);
                case "--port", "-p" -> options.put("port", value);
                case "--interconnect" -> options.put("interconnect", value.toLowerCase(Locale.ROOT));
                case "-c" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        fail("-c takes name=value, not " + value);
                    }
                    settings.put(value.substring(0, eq).strip().toLowerCase(Locale.ROOT), value.substring(eq + 1).strip());
                }
                default -> fail("unknown option " + arg);
            }
        }
        // Processes log to their log file at INFO (start-up lines are worth keeping); the demo's console stays quiet.
        LogSetup.configure(args[0].equals("demo") ? "WARNING" : logLevel(settings));
        switch (args[0]) {
            case "demo" -> Demo.run(Path.of(options.getOrDefault("datadir", "data/demo")),
                    Integer.parseInt(options.getOrDefault("port", "15432")),
                    Optional.ofNullable(options.get("interconnect")), out);
            case "coordinator" -> runUntilStopped(startOrExit(() -> CoordinatorProcess.start(dataDirectory(options), settings)));
            case "segment" -> runUntilStopped(startOrExit(() -> SegmentProcess.start(dataDirectory(options), settings)));
            default -> {
                usage(out);
                System.exit(2);
            }
        }
    }

    private static String logLevel(Map<String, String> settings) {
        try {
            return new Settings(settings).getString(ServerSettings.LOG_LEVEL);
        } catch (SqlException e) {
            fail(e.getMessage() + " on the command line");
            throw e;
        }
    }

    /**
     * Starts a process; a start refused with a reason (a bad {@code gangway.conf} line, a setting no one
     * declares, a plugin that fails to load, a missing cluster secret) ends the JVM with status 1 and that reason, as PostgreSQL's {@code FATAL}, not a stack trace.
     */
    private static AutoCloseable startOrExit(Supplier<AutoCloseable> start) {
        try {
            return start.get();
        } catch (SqlException e) {
            System.err.println("gangway: FATAL:  " + e.getMessage());
            e.detail().ifPresent(detail -> System.err.println("gangway: DETAIL:  " + detail));
            e.hint().ifPresent(hint -> System.err.println("gangway: HINT:  " + hint));
            System.exit(1);
            throw e;
        }
    }

    private static Path dataDirectory(Map<String, String> options) {
        String directory = options.get("datadir");
        if (directory == null) {
            fail("-D DATADIR is required");
        }
        return Path.of(directory);
    }

    private static void runUntilStopped(AutoCloseable process) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                process.close();
            } catch (Exception e) {
                System.err.println("error while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }));
        stopped.await();
    }

    private static void fail(String message) {
        System.err.println("gangway: " + message);
        System.exit(2);
    }

    private static void usage(PrintStream out) {
        out.println("usage:");
        out.println("  gangway demo [--port 15432] [--datadir data/demo] [--interconnect tcp|udp]");
        out.println("  gangway coordinator -D DATADIR [-c name=value ...]");
        out.println("  gangway segment -D DATADIR [-c name=value ...]");
        out.println("  gangway test            (runs the full test suite; handled by the ./gangway script)");
    }
}
