package io.gangway.interconnect.tcp;

import static java.util.Objects.requireNonNull;

import io.gangway.api.ClusterSecret;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.interconnect.support.IcChecks;
import io.gangway.interconnect.support.IcErrors;
import io.gangway.interconnect.support.InterconnectBase;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.interconnect.MotionStreamKey;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultMessageSizeEstimator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MessageSizeEstimator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The TCP interconnect of one process: one listening socket ({@link #endpoint()}) that every
 * sender of every motion connects to, and the connections this process's senders open.
 *
 * <p><b>One TCP connection per stream</b> (per sender, receiver and motion), as Greenplum's TCP
 * interconnect does. Flow control then is the connection's own: a receiving stream that stops
 * reading (its queue is full) holds back exactly one sender, through TCP windows and the sender's
 * write buffer. Multiplexing the streams of a process pair over one connection would need a credit
 * protocol of its own, because pausing a shared connection for one full stream would also block
 * the others — and a merging receiver ({@code nextFrom}) that waits on one sender while another's
 * chunks fill their queue would deadlock. The price is N×M connections per motion, fine on the
 * scale of a single host or a small cluster.
 *
 * <pre>
 *  sender i (route r)                             receiver r (this process's listener)
 *    connect (retry with backoff until gp_interconnect_setup_timeout)
 *    |-- H handshake (secret, motion, i, r) ----------->| a wrong secret: logged, hung up on;
 *    |                                                  | rendezvous: attach to the open receiver,
 *    |                                                  |           or park until it opens
 *    |-- D chunk, D chunk, ... ------------------------>| queue (gp_interconnect_queue_depth);
 *    |   (send blocks while the channel is unwritable)  | full → stop reading (autoRead off)
 *    |-- E end of stream  |  X error(message) --------->| next() → null once all ended | 08M01
 *    |<------------------------------------------ S stop| stop(): drop what still comes
 *    |<------------------------- X error(refused stream)| unclaimed too long, duplicate, closed
 *    close (a route closed before E/X sends X first)    |
 * </pre>
 */
public final class TcpInterconnect extends InterconnectBase {
    private static final System.Logger LOG = System.getLogger(TcpInterconnect.class.getName());
    /** A sender's channel stops being writable above 256 KB of unsent data and resumes below 64 KB. */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(64 * 1024, 256 * 1024);
    /** Counts a chunk waiting to be written by its size, so writability reflects it at once. */
    private static final MessageSizeEstimator SIZE_ESTIMATOR = new MessageSizeEstimator() {
        private final Handle fallback = DefaultMessageSizeEstimator.DEFAULT.newHandle();
        private final Handle handle = msg -> msg instanceof IcMessage m ? IcMessageEncoder.frameSize(m) : fallback.size(msg);

        @Override
        public Handle newHandle() {
            return handle;
        }
    };

    private final TcpInterconnectConfig config;
    private final ClusterSecret secret;
    private final EventLoopGroup group;
    private final ChannelGroup channels;
    private final ScheduledFuture<?> expiry;
    private final Bootstrap clientTemplate;

    /** With {@link ClusterSecret#INSECURE_FOR_TESTS}: for tests and benchmarks, never for a cluster. */
    public TcpInterconnect(TcpInterconnectConfig config) {
        this(config, ClusterSecret.INSECURE_FOR_TESTS);
    }

    /** Senders present {@code secret}; the listener hangs up on a connection that does not. */
    public TcpInterconnect(TcpInterconnectConfig config, ClusterSecret secret) {
        super(requireNonNull(config, "config is null").setupTimeout(), config.unclaimedStreamTimeout());
        this.config = config;
        this.secret = requireNonNull(secret, "secret is null");
        this.group = new MultiThreadIoEventLoopGroup(
                config.ioThreads(), new DefaultThreadFactory("gangway-ic-tcp", true), NioIoHandler.newFactory());
        this.channels = new DefaultChannelGroup("interconnect", group.next());
        long period = Math.clamp(config.unclaimedStreamTimeout().toMillis() / 4, 10, 1000);
        this.expiry = group.next().scheduleAtFixedRate(() -> rendezvous().expire(System.nanoTime()), period, period, TimeUnit.MILLISECONDS);
        this.clientTemplate = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .option(ChannelOption.MESSAGE_SIZE_ESTIMATOR, SIZE_ESTIMATOR)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.clamp(config.setupTimeout().toMillis(), 1, 10_000));
        ServerBootstrap server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ReceiverChannelInitializer(rendezvous(), config.queueDepth(), config.maxFrameLength(), channels, secret));
        ChannelFuture bound = server.bind(config.listenAddress(), config.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            close();
            throw new SqlException(SqlState.GP_INTERCONNECTION_ERROR, "could not listen for interconnect on "
                    + config.listenAddress() + ":" + config.port() + ": " + IcErrors.describe(bound.cause()), bound.cause());
        }
        Channel listener = bound.channel();
        channels.add(listener);
        listeningAt(new Endpoint(IcChecks.advertisedHost(config.listenAddress()),
                ((InetSocketAddress) listener.localAddress()).getPort()));
        LOG.log(System.Logger.Level.DEBUG, "TCP interconnect listening on {0}", endpoint());
    }

    public TcpInterconnectConfig config() {
        return config;
    }

    @Override
    protected MotionSender newSender(MotionStreamKey key, int senderIndex, List<Endpoint> targets) {
        TcpMotionSender sender = new TcpMotionSender(key, senderIndex, targets, config.maxFrameLength(), channels, secret);
        sender.start(clientTemplate, System.nanoTime() + config.setupTimeout().toNanos());
        return sender;
    }

    @Override
    protected void closeTransport() {
        expiry.cancel(false);
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
