package io.gangway.tck.dispatch;

import io.gangway.api.SqlException;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.dispatch.DispatchServer;
import io.gangway.spi.interconnect.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A cluster on loopback for the dispatcher contract: the entry db (content -1) and
 * {@code segments} segments, each a {@link DispatchServer} of the implementation under test in
 * front of a {@link FakeQeService}. {@link #components()} is the cluster's live
 * {@code gp_segment_configuration}, which tests change (a segment marked down, moved, restarted).
 */
public final class FakeCluster implements AutoCloseable {
    private final Supplier<DispatchServer> servers;
    private final Map<Integer, FakeQeService> services = new TreeMap<>();
    private final Map<Integer, DispatchServer> running = new TreeMap<>();
    private final Map<Integer, SegmentDescriptor> configuration = new TreeMap<>();

    public FakeCluster(int segments, Supplier<DispatchServer> servers) {
        this.servers = servers;
        for (int content = -1; content < segments; content++) {
            FakeQeService service = new FakeQeService(content);
            services.put(content, service);
            start(content, 0);
        }
    }

    private synchronized void start(int content, int port) {
        DispatchServer server = servers.get();
        Endpoint bound;
        try {
            bound = server.start(new Endpoint("127.0.0.1", port), services.get(content));
        } catch (SqlException e) {
            if (port == 0) {
                throw e;
            }
            // The old port is taken meanwhile: the segment comes back elsewhere.
            bound = server.start(new Endpoint("127.0.0.1", 0), services.get(content));
        }
        running.put(content, server);
        configuration.put(content, new SegmentDescriptor(content + 2, content, 'p', 'p', 's', 'u', bound.port(),
                "localhost", "127.0.0.1", "/tmp/gangway-tck/seg" + content));
    }

    /** The live configuration, as a dispatcher session's supplier. */
    public Supplier<List<SegmentDescriptor>> components() {
        return () -> {
            synchronized (this) {
                return List.copyOf(new ArrayList<>(configuration.values()));
            }
        };
    }

    public FakeQeService service(int content) {
        return services.get(content);
    }

    /** The segments' services (content 0 and up), in order. */
    public List<FakeQeService> segments() {
        return services.values().stream().filter(s -> s.content() >= 0).toList();
    }

    public synchronized int port(int content) {
        return configuration.get(content).port();
    }

    /** Stops a segment's dispatch server: every QE connection to it drops, and new ones are refused. */
    public synchronized void stop(int content) {
        DispatchServer server = running.remove(content);
        if (server != null) {
            server.close();
        }
    }

    /** Stops a segment and starts it again, on the same port if it is still free. */
    public synchronized void restart(int content) {
        int port = port(content);
        stop(content);
        start(content, port);
    }

    /** Stops a segment and starts it on another port, updating the live configuration. */
    public synchronized void relocate(int content) {
        stop(content);
        start(content, 0);
    }

    /** Marks a segment down ({@code 'd'}) or up in the live configuration, as FTS would. */
    public synchronized void markStatus(int content, char status) {
        configuration.put(content, configuration.get(content).withStatus(status));
    }

    /** QE sessions open now on every segment and the entry db, by the servers' count. */
    public synchronized int openSessions() {
        return running.values().stream().mapToInt(DispatchServer::openSessions).sum();
    }

    @Override
    public synchronized void close() {
        running.values().forEach(DispatchServer::close);
        running.clear();
    }
}
