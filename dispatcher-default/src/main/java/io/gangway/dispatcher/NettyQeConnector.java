package io.gangway.dispatcher;

import io.gangway.api.ClusterSecret;
import io.gangway.dispatcher.protocol.DispatchProtocol;
import io.gangway.dispatcher.protocol.KryoSerialization;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.dispatch.QeStartup;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Opens QE connections: TCP connect, then the startup handshake, which presents the cluster's secret. Connects are asynchronous so a
 * gang's new members connect concurrently; while a segment refuses (it may be restarting) a connect
 * is retried after a delay, a bounded number of times.
 */
final class NettyQeConnector {
    private final EventLoopGroup group;
    private final KryoSerialization serialization;
    private final ClusterSecret secret;

    NettyQeConnector(EventLoopGroup group, KryoSerialization serialization, ClusterSecret secret) {
        this.group = group;
        this.serialization = serialization;
        this.secret = secret;
    }

    /**
     * A started QE, or a future failed with a {@link QeConnectFailure}. {@code segment} is looked up
     * again on each attempt (a restarted segment may be elsewhere).
     */
    CompletableFuture<PooledQeConnection> connect(Supplier<SegmentDescriptor> segment, QeStartup startup,
            DispatcherConfig config) {
        return attempt(segment, startup, config, 0);
    }

    private CompletableFuture<PooledQeConnection> attempt(Supplier<SegmentDescriptor> segment, QeStartup startup,
            DispatcherConfig config, int retriesDone) {
        CompletableFuture<PooledQeConnection> once;
        try {
            once = connectOnce(segment.get(), startup, config.connectTimeout());
        } catch (QeConnectFailure e) {
            once = CompletableFuture.failedFuture(e);
        }
        return once.exceptionallyCompose(error -> {
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            if (cause instanceof QeConnectFailure failure && failure.retryable()
                    && retriesDone < config.gangCreationRetryCount()) {
                Executor later = CompletableFuture.delayedExecutor(
                        config.gangCreationRetryTimer().toMillis(), TimeUnit.MILLISECONDS);
                return CompletableFuture.supplyAsync(() -> null, later).thenCompose(
                        ignored -> attempt(segment, startup, config, retriesDone + 1));
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    private CompletableFuture<PooledQeConnection> connectOnce(SegmentDescriptor segment, QeStartup startup,
            Duration timeout) {
        QeClientHandler handler = new QeClientHandler(segment, startup, secret, serialization);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(new ClientInitializer(serialization, handler));
        String where = segment.address() + ":" + segment.port() + " (seg" + segment.content() + ")";
        ChannelFuture connecting = bootstrap.connect(segment.address(), segment.port());
        connecting.addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                Throwable cause = f.cause();
                boolean refused = cause instanceof ConnectException
                        && !(cause instanceof io.netty.channel.ConnectTimeoutException);
                String reason = refused ? "connection refused: " + where
                        : cause instanceof io.netty.channel.ConnectTimeoutException ? "timeout expired connecting to " + where
                        : "could not connect to " + where + ": " + cause.getMessage();
                handler.ready().completeExceptionally(new QeConnectFailure(reason, refused));
            }
        });
        Channel channel = connecting.channel();
        return handler.ready()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> {
                    channel.close();
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    if (cause instanceof TimeoutException) {
                        cause = new QeConnectFailure("timeout expired waiting for the QE to start: " + where, false);
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    /** The QD's ChannelInitializer: codec by name, then the connection's handler. */
    private static final class ClientInitializer extends ChannelInitializer<SocketChannel> {
        private final KryoSerialization serialization;
        private final QeClientHandler handler;

        ClientInitializer(KryoSerialization serialization, QeClientHandler handler) {
            this.serialization = serialization;
            this.handler = handler;
        }

        @Override
        protected void initChannel(SocketChannel ch) {
            DispatchProtocol.addCodec(ch.pipeline(), serialization);
            ch.pipeline().addLast(DispatchProtocol.HANDLER, handler);
        }
    }
}
