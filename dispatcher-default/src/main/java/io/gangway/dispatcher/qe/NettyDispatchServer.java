package io.gangway.dispatcher.qe;

import static java.util.Objects.requireNonNull;

import io.gangway.api.ClusterSecret;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.dispatcher.protocol.DispatchProtocol;
import io.gangway.dispatcher.protocol.KryoSerialization;
import io.gangway.spi.dispatch.DispatchServer;
import io.gangway.spi.dispatch.QeService;
import io.gangway.spi.interconnect.Endpoint;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The dispatch listener of a segment's postmaster: every accepted connection is one QE, served by
 * a {@link QeSessionHandler} once its startup presented the cluster's secret
 * (checked by the protocol's {@code secret-check} handler). Closing the server closes every QE connection.
 */
public final class NettyDispatchServer implements DispatchServer {
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final ChannelGroup channels = new DefaultChannelGroup("dispatch", GlobalEventExecutor.INSTANCE);
    private final SessionCounter counter = new SessionCounter();
    private final KryoSerialization serialization = new KryoSerialization();
    private final ClusterSecret secret;
    private @Nullable Channel serverChannel;

    /** A server that accepts QDs presenting {@code secret}, the cluster's. */
    public NettyDispatchServer(ClusterSecret secret) {
        this(2, secret);
    }

    /** A server that accepts {@link ClusterSecret#INSECURE_FOR_TESTS} (tests and embedded use). */
    public NettyDispatchServer(int ioThreads) {
        this(ioThreads, ClusterSecret.INSECURE_FOR_TESTS);
    }

    /** {@code ioThreads}: event loop threads for the connections (request work runs elsewhere). */
    public NettyDispatchServer(int ioThreads, ClusterSecret secret) {
        this.secret = requireNonNull(secret, "secret is null");
        this.bossGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.workerGroup = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
    }

    @Override
    public synchronized Endpoint start(Endpoint listenOn, QeService service) {
        requireNonNull(listenOn, "listenOn is null");
        requireNonNull(service, "service is null");
        if (serverChannel != null) {
            throw new IllegalStateException("the dispatch server is already started");
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ServerInitializer(service));
        try {
            Channel channel = bootstrap.bind(listenOn.host(), listenOn.port()).sync().channel();
            serverChannel = channel;
            InetSocketAddress bound = (InetSocketAddress) channel.localAddress();
            return new Endpoint(listenOn.host(), bound.getPort());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SqlException(SqlState.ADMIN_SHUTDOWN, "interrupted while starting the dispatch server", e);
        } catch (RuntimeException e) {
            throw new SqlException(SqlState.IO_ERROR, "could not listen for dispatcher connections on " + listenOn
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int openSessions() {
        return counter.open.get();
    }

    @Override
    public synchronized void close() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** The server's ChannelInitializer: one per role, handlers by name. */
    private final class ServerInitializer extends ChannelInitializer<SocketChannel> {
        private final QeService service;

        ServerInitializer(QeService service) {
            this.service = service;
        }

        @Override
        protected void initChannel(SocketChannel ch) {
            channels.add(ch);
            DispatchProtocol.addServerCodec(ch.pipeline(), serialization, secret);
            ch.pipeline().addLast(DispatchProtocol.HANDLER, new QeSessionHandler(service, counter, serialization));
        }
    }

    /** Live QE sessions, and the numbers QEs are known by in error messages. */
    static final class SessionCounter {
        private final AtomicInteger open = new AtomicInteger();
        private final AtomicInteger pids = new AtomicInteger(10_000);

        void opened() {
            open.incrementAndGet();
        }

        void closed() {
            open.decrementAndGet();
        }

        int nextPid() {
            return pids.incrementAndGet();
        }
    }
}
