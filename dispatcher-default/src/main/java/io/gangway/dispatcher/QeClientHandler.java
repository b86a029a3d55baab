package io.gangway.dispatcher;

import io.gangway.api.ClusterSecret;
import io.gangway.api.SqlState;
import io.gangway.dispatcher.protocol.DispatchMessage;
import io.gangway.dispatcher.protocol.DispatchMessage.Cancel;
import io.gangway.dispatcher.protocol.DispatchMessage.Dispatch;
import io.gangway.dispatcher.protocol.DispatchMessage.Result;
import io.gangway.dispatcher.protocol.DispatchMessage.Startup;
import io.gangway.dispatcher.protocol.DispatchMessage.StartupFailed;
import io.gangway.dispatcher.protocol.DispatchMessage.StartupOk;
import io.gangway.dispatcher.protocol.DispatchMessage.Terminate;
import io.gangway.dispatcher.protocol.DispatchProtocol;
import io.gangway.dispatcher.protocol.KryoSerialization;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.dispatch.QeStartup;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The QD side of one QE connection: completes {@link #ready()} once the QE answers the startup,
 * then hands each result to its {@link PooledQeConnection}. Runs on the event loop only.
 */
final class QeClientHandler extends SimpleChannelInboundHandler<DispatchMessage> {
    private static final System.Logger LOG = System.getLogger(QeClientHandler.class.getName());

    private final SegmentDescriptor segment;
    private final QeStartup startup;
    private final ClusterSecret secret;
    private final KryoSerialization serialization;
    private final CompletableFuture<PooledQeConnection> ready = new CompletableFuture<>();
    private @Nullable PooledQeConnection connection;

    QeClientHandler(SegmentDescriptor segment, QeStartup startup, ClusterSecret secret, KryoSerialization serialization) {
        this.segment = segment;
        this.startup = startup;
        this.secret = secret;
        this.serialization = serialization;
    }

    CompletableFuture<PooledQeConnection> ready() {
        return ready;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        // The startup presents the cluster's secret ahead of the message, for the segment to check first.
        ctx.writeAndFlush(DispatchProtocol.startupFrame(ctx.alloc(), secret, serialization,
                serialization.encode(new Startup(startup))));
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DispatchMessage message) {
        switch (message) {
            case StartupOk ok -> {
                if (connection != null) {
                    protocolViolation(ctx, "a second StartupOk");
                    return;
                }
                connection = new PooledQeConnection(ctx.channel(), segment, startup, ok.interconnectEndpoint(), ok.pid());
                ready.complete(connection);
            }
            case StartupFailed failed -> ready.completeExceptionally(new QeConnectFailure(
                    failed.message() + " (seg" + segment.content() + " " + segment.address() + ":" + segment.port() + ")",
                    SqlState.fromCode(failed.sqlState()) == SqlState.CANNOT_CONNECT_NOW));
            case Result result -> {
                if (connection == null) {
                    protocolViolation(ctx, "a Result before startup");
                    return;
                }
                connection.onResult(result.requestId(), result.result());
            }
            case Startup startupMessage -> protocolViolation(ctx, "a Startup message");
            case Dispatch dispatch -> protocolViolation(ctx, "a Dispatch message");
            case DispatchMessage.DispatchSlice dispatch -> protocolViolation(ctx, "a DispatchSlice message");
            case Cancel cancel -> protocolViolation(ctx, "a Cancel message");
            case Terminate terminate -> protocolViolation(ctx, "a Terminate message");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        ready.completeExceptionally(new QeConnectFailure("server closed the connection during startup (seg"
                + segment.content() + " " + segment.address() + ":" + segment.port() + ")", false));
        if (connection != null) {
            connection.onClosed();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, "dispatch connection to seg" + segment.content() + " failed", cause);
        ctx.close();
    }

    private static void protocolViolation(ChannelHandlerContext ctx, String what) {
        LOG.log(System.Logger.Level.WARNING, "dispatch protocol violation from a QE: {0}", what);
        ctx.close();
    }
}
