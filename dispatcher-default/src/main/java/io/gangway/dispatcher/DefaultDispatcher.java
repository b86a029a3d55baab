package io.gangway.dispatcher;

import static java.util.Objects.requireNonNull;

import io.gangway.api.ClusterSecret;
import io.gangway.api.Settings;
import io.gangway.dispatcher.gang.DefaultGangManagerFactory;
import io.gangway.dispatcher.pool.CommonsIdleQePoolFactory;
import io.gangway.dispatcher.protocol.KryoSerialization;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.dispatch.Dispatcher;
import io.gangway.spi.dispatch.DispatcherSession;
import io.gangway.spi.dispatch.QeManagement;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The coordinator's dispatcher: one client event loop group shared by every QD session's QE
 * connections. A session's own settings override the process's dispatcher settings. Each session's
 * idle QE pool and gang manager come from the {@link QeManagement} it is opened with; opened without
 * one, it gets the commons pool and the default gang manager.
 */
public final class DefaultDispatcher implements Dispatcher {
    private final DispatcherConfig config;
    private final EventLoopGroup group;
    private final NettyQeConnector connector;
    private final QeManagement defaultQeManagement;
    private final KryoSerialization serialization;
    private final Set<DefaultDispatcherSession> sessions = ConcurrentHashMap.newKeySet();

    /** A dispatcher that presents {@link ClusterSecret#INSECURE_FOR_TESTS} (tests and embedded use). */
    public DefaultDispatcher(DispatcherConfig config, int ioThreads) {
        this(config, ioThreads, ClusterSecret.INSECURE_FOR_TESTS);
    }

    /** {@code secret}: the cluster's, presented to every QE at startup. */
    public DefaultDispatcher(DispatcherConfig config, int ioThreads, ClusterSecret secret) {
        this.config = requireNonNull(config, "config is null");
        this.group = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
        this.serialization = new KryoSerialization();
        this.connector = new NettyQeConnector(group, serialization, requireNonNull(secret, "secret is null"));
        this.defaultQeManagement = new QeManagement(new CommonsIdleQePoolFactory(config), new DefaultGangManagerFactory());
    }

    @Override
    public DispatcherSession openSession(long sessionId, Supplier<List<SegmentDescriptor>> components, Settings settings) {
        return openSession(sessionId, components, settings, defaultQeManagement);
    }

    @Override
    public DispatcherSession openSession(long sessionId, Supplier<List<SegmentDescriptor>> components, Settings settings,
            QeManagement qeManagement) {
        requireNonNull(components, "components is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(qeManagement, "qeManagement is null");
        DefaultDispatcherSession[] holder = new DefaultDispatcherSession[1];
        DefaultDispatcherSession session = new DefaultDispatcherSession(sessionId, new ComponentDatabases(components),
                settings.values(), connector, serialization, config.withSettings(settings), qeManagement,
                () -> sessions.remove(holder[0]));
        holder[0] = session;
        sessions.add(session);
        return session;
    }

    /** Open sessions (for tests and monitoring). */
    int openSessionCount() {
        return sessions.size();
    }

    @Override
    public void close() {
        for (DefaultDispatcherSession session : List.copyOf(sessions)) {
            session.close();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
