package io.gangway.server.pgwire;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.interconnect.Endpoint;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL protocol 3.0 server on Netty NIO. Each accepted connection gets its own virtual
 * thread that runs its messages in order against the {@link io.gangway.engine.session.ClientSession}
 * the {@link PgSessionFactory} opens for it; the event loops only frame, decode and encode.
 * SSL and GSS encryption are refused ({@code 'N'}); authentication is pluggable
 * ({@link PgAuthenticator}, trust by default); CancelRequests are honoured across connections.
 */
public final class PgWireServer implements AutoCloseable {
    /** The largest frontend message accepted (a Bind with big values, a long query text). */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 128 << 20;

    private final PgSessionFactory factory;
    private final PgAuthenticator authenticator;
    private final PgSessionRegistry registry = new PgSessionRegistry();
    private final ThreadFactory connectionThreads = Thread.ofVirtual().name("pgwire-connection-", 0).factory();
    private @Nullable EventLoopGroup acceptGroup;
    private @Nullable EventLoopGroup ioGroup;
    private @Nullable Channel serverChannel;

    public PgWireServer(PgSessionFactory factory) {
        this(factory, PgAuthenticator.TRUST);
    }

    public PgWireServer(PgSessionFactory factory, PgAuthenticator authenticator) {
        this.factory = requireNonNull(factory, "factory is null");
        this.authenticator = requireNonNull(authenticator, "authenticator is null");
    }

    /** Listens on {@code host}:{@code port} ({@code 0}: any free port) and returns where it listens. */
    public synchronized Endpoint start(String host, int port) {
        if (serverChannel != null) {
            throw new IllegalStateException("already started");
        }
        acceptGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("pgwire-accept", true),
                NioIoHandler.newFactory());
        ioGroup = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("pgwire-io", true),
                NioIoHandler.newFactory());
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(acceptGroup, ioGroup)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.SO_KEEPALIVE, true)
                    .childHandler(new PgWireChannelInitializer(factory, authenticator, registry,
                            this::newConnectionExecutor, DEFAULT_MAX_MESSAGE_LENGTH));
            serverChannel = bootstrap.bind(host, port).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutdownGroups();
            throw e;
        }
        InetSocketAddress address = (InetSocketAddress) serverChannel.localAddress();
        return new Endpoint(host, address.getPort());
    }

    /** Stops listening and closes every connection (their sessions are closed). */
    @Override
    public synchronized void close() {
        Channel channel = serverChannel;
        serverChannel = null;
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        shutdownGroups();
    }

    private ExecutorService newConnectionExecutor() {
        return Executors.newSingleThreadExecutor(connectionThreads);
    }

    private void shutdownGroups() {
        for (EventLoopGroup group : new EventLoopGroup[] {acceptGroup, ioGroup}) {
            if (group != null) {
                group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
            }
        }
        acceptGroup = null;
        ioGroup = null;
    }
}
