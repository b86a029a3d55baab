package io.gangway.server.pgwire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's pipeline on an {@link EmbeddedChannel}, its messages run on the test thread (the
 * connection executor is {@code Runnable::run}), talking to {@link FakeClientSession}s.
 */
final class EmbeddedWire implements AutoCloseable {
    static final int MAX_MESSAGE_LENGTH = 4096;
    static final Map<String, String> STARTUP = Map.of("user", "gangway", "database", "gangway");

    final PgSessionRegistry registry;
    final List<FakeClientSession> sessions = new CopyOnWriteArrayList<>();
    final EmbeddedChannel channel;
    private final ByteBuf received = Unpooled.buffer();

    EmbeddedWire() {
        this(new PgSessionRegistry());
    }

    EmbeddedWire(PgSessionRegistry registry) {
        this.registry = registry;
        AtomicInteger ids = new AtomicInteger(7);
        this.channel = channel(registry, parameters -> {
            FakeClientSession session = new FakeClientSession(ids.getAndIncrement(), 99);
            sessions.add(session);
            return session;
        });
    }

    EmbeddedWire(PgSessionFactory factory) {
        this.registry = new PgSessionRegistry();
        this.channel = channel(registry, factory);
    }

    private static EmbeddedChannel channel(PgSessionRegistry registry, PgSessionFactory factory) {
        return new EmbeddedChannel(new PgWireChannelInitializer(factory, PgAuthenticator.TRUST, registry,
                () -> Runnable::run, MAX_MESSAGE_LENGTH));
    }

    /** Starts a session and drops the startup answer. */
    EmbeddedWire started() {
        send(FrontendBytes.startup(STARTUP));
        return this;
    }

    FakeClientSession session() {
        return sessions.getFirst();
    }

    /** Writes bytes to the server and returns the messages it answered with, one line each. */
    List<String> send(ByteBuf bytes) {
        channel.writeInbound(bytes);
        return output();
    }

    List<String> output() {
        channel.runPendingTasks();
        drain();
        return BackendText.render(received);
    }

    /** Raw answer bytes (for the untyped one-byte answers of the startup phase). */
    byte[] rawOutput() {
        channel.runPendingTasks();
        drain();
        return FrontendBytes.bytes(received.readRetainedSlice(received.readableBytes()));
    }

    private void drain() {
        for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            ByteBuf buf = (ByteBuf) out;
            received.writeBytes(buf);
            buf.release();
        }
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
        received.release();
    }
}
