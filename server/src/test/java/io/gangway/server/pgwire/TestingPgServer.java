package io.gangway.server.pgwire;

import io.gangway.spi.interconnect.Endpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link PgWireServer} on loopback serving {@link FakeClientSession}s, for pgjdbc and psql tests. */
final class TestingPgServer implements AutoCloseable {
    final List<FakeClientSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final PgWireServer server;
    final Endpoint endpoint;

    TestingPgServer() {
        server = new PgWireServer(parameters -> {
            FakeClientSession session = new FakeClientSession(ids.incrementAndGet(), ThreadLocalRandom.current().nextInt());
            sessions.add(session);
            return session;
        });
        endpoint = server.start("127.0.0.1", 0);
    }

    Connection connect() throws SQLException {
        return connect(new Properties());
    }

    Connection connect(Properties extra) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "gangway");
        properties.setProperty("password", "");
        properties.setProperty("sslmode", "disable");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "20");
        properties.putAll(extra);
        return DriverManager.getConnection(
                "jdbc:postgresql://" + endpoint.host() + ":" + endpoint.port() + "/gangway", properties);
    }

    FakeClientSession lastSession() {
        return sessions.getLast();
    }

    @Override
    public void close() {
        server.close();
    }
}
