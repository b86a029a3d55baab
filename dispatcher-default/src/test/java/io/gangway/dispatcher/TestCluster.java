package io.gangway.dispatcher;

import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.interconnect.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Segments on loopback for tests: one {@link NettyDispatchServer} with a {@link FakeQeService} per content. */
final class TestCluster implements AutoCloseable {
    final List<FakeQeService> services = new ArrayList<>();
    final List<NettyDispatchServer> servers = new CopyOnWriteArrayList<>();
    private final List<SegmentDescriptor> components = new CopyOnWriteArrayList<>();

    TestCluster(int segments) {
        components.add(descriptor(1, -1, 5432));
        for (int content = 0; content < segments; content++) {
            FakeQeService service = new FakeQeService(content);
            services.add(service);
            NettyDispatchServer server = new NettyDispatchServer(1);
            int port = server.start(new Endpoint("127.0.0.1", 0), service).port();
            servers.add(server);
            components.add(descriptor(content + 2, content, port));
        }
    }

    private static SegmentDescriptor descriptor(int dbid, int content, int port) {
        return new SegmentDescriptor(dbid, content, 'p', 'p', 's', 'u', port, "localhost", "127.0.0.1", "/tmp/seg" + content);
    }

    Supplier<List<SegmentDescriptor>> components() {
        return () -> List.copyOf(components);
    }

    FakeQeService service(int content) {
        return services.get(content);
    }

    NettyDispatchServer server(int content) {
        return servers.get(content);
    }

    int port(int content) {
        return components.get(content + 1).port();
    }

    /** Points a content at another port (a dead one, or a restarted segment). */
    void movePort(int content, int port) {
        components.set(content + 1, descriptor(content + 2, content, port));
    }

    /** Stops a segment's dispatch server (every QE connection to it drops) and starts a new one elsewhere. */
    void restart(int content) {
        servers.get(content).close();
        NettyDispatchServer server = new NettyDispatchServer(1);
        int port = server.start(new Endpoint("127.0.0.1", 0), services.get(content)).port();
        servers.set(content, server);
        movePort(content, port);
    }

    int openSessions() {
        return servers.stream().mapToInt(NettyDispatchServer::openSessions).sum();
    }

    @Override
    public void close() {
        servers.forEach(NettyDispatchServer::close);
    }
}
