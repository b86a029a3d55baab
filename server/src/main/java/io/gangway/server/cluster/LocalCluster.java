package io.gangway.server.cluster;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.server.config.PluginDirectory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A coordinator and its segments as separate JVM processes on this machine, started from the
 * running JVM's own class path. Used by {@code gangway demo} (which also restarts any process that
 * dies, as a postmaster restarts a crashed backend) and by the integration tests.
 */
public final class LocalCluster implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LocalCluster.class.getName());
    private static final String COORDINATOR = "coordinator";

    private final ClusterLayout layout;
    private final List<String> jvmOptions;
    private final Map<String, Process> processes = new ConcurrentHashMap<>();
    private volatile boolean closing;

    public LocalCluster(ClusterLayout layout, List<String> jvmOptions) {
        this.layout = requireNonNull(layout, "layout is null");
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public ClusterLayout layout() {
        return layout;
    }

    /** Starts every segment, then the coordinator, and waits until all of them accept connections. */
    public void start(Duration timeout) {
        for (int content = 0; content < layout.segmentCount(); content++) {
            startSegment(content);
        }
        for (int content = 0; content < layout.segmentCount(); content++) {
            awaitPort(layout.segmentPort(content), timeout, "seg" + content);
        }
        launch(COORDINATOR, "coordinator", layout.coordinatorDirectory());
        awaitPort(layout.coordinatorPort(), timeout, COORDINATOR);
    }

    public void startSegment(int content) {
        launch("seg" + content, "segment", layout.segmentDirectory(content));
    }

    public void awaitSegment(int content, Duration timeout) {
        awaitPort(layout.segmentPort(content), timeout, "seg" + content);
    }

    /** Kills a segment process with SIGKILL, as a crash would, and waits until it is gone. */
    public void killSegment(int content) throws InterruptedException {
        Process process = processes.remove("seg" + content);
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    public long pid(String name) {
        Process process = processes.get(name);
        return process == null ? -1 : process.pid();
    }

    /**
     * Restarts every process that has exited, as long as the cluster is not closing; returns the
     * names restarted. Called in a loop by {@code gangway demo}.
     */
    public List<String> restartExited() {
        List<String> restarted = new ArrayList<>();
        for (Map.Entry<String, Process> entry : Map.copyOf(processes).entrySet()) {
            if (!closing && !entry.getValue().isAlive()) {
                String name = entry.getKey();
                LOG.log(System.Logger.Level.INFO, "{0} exited with code {1}; restarting it", name,
                        entry.getValue().exitValue());
                if (name.equals(COORDINATOR)) {
                    launch(COORDINATOR, "coordinator", layout.coordinatorDirectory());
                } else {
                    startSegment(Integer.parseInt(name.substring(3)));
                }
                restarted.add(name);
            }
        }
        return restarted;
    }

    private void launch(String name, String role, Path directory) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        String home = System.getProperty(PluginDirectory.HOME_PROPERTY);
        if (home != null) {
            command.add("-D" + PluginDirectory.HOME_PROPERTY + "=" + home);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.gangway.server.GangwayMain");
        command.add(role);
        command.add("-D");
        command.add(directory.toAbsolutePath().toString());
        try {
            Path logDirectory = directory.resolve("log");
            Files.createDirectories(logDirectory);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logDirectory.resolve("gangway.log").toFile()))
                    .start();
            processes.put(name, process);
        } catch (IOException e) {
            throw new SqlException(SqlState.IO_ERROR, "could not start " + name + ": " + e.getMessage(), e);
        }
    }

    private void awaitPort(int port, Duration timeout, String name) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Process process = processes.get(name);
            if (process != null && !process.isAlive()) {
                throw new SqlException(SqlState.CANNOT_CONNECT_NOW, name + " exited with code " + process.exitValue()
                        + " while starting; see its log/gangway.log");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(layout.host(), port), 500);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new SqlException(SqlState.CANNOT_CONNECT_NOW, name + " did not accept connections on port "
                            + port + " within " + timeout.toSeconds() + " s");
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SqlException(SqlState.QUERY_CANCELED, "interrupted while waiting for " + name, e);
            }
        }
    }

    /** Stops every process: a polite SIGTERM first, SIGKILL for any still running after a few seconds. */
    @Override
    public void close() {
        closing = true;
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        processes.clear();
    }
}
