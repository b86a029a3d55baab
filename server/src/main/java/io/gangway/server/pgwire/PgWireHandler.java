package io.gangway.server.pgwire;

import io.gangway.api.SqlException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The last inbound handler: hands each decoded message to the connection's own executor, which runs
 * them in order, so engine work never blocks the event loop. Tells the connection when the channel
 * closes or its writability changes; a framing or decoding error is FATAL for the connection.
 */
final class PgWireHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = System.getLogger(PgWireHandler.class.getName());

    private final PgSessionFactory factory;
    private final PgAuthenticator authenticator;
    private final PgSessionRegistry registry;
    private final Supplier<? extends Executor> executors;
    private @Nullable Executor executor;
    private @Nullable BackendWriter writer;
    private @Nullable PgConnection connection;

    PgWireHandler(PgSessionFactory factory, PgAuthenticator authenticator, PgSessionRegistry registry,
            Supplier<? extends Executor> executors) {
        this.factory = factory;
        this.authenticator = authenticator;
        this.registry = registry;
        this.executors = executors;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        writer = new BackendWriter(ctx.channel());
        connection = new PgConnection(writer, factory, authenticator, registry);
        executor = executors.get();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        FrontendMessage message = (FrontendMessage) msg;
        PgConnection target = connection;
        if (target != null) {
            submit(() -> target.handle(message));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        PgConnection target = connection;
        BackendWriter out = writer;
        if (out != null) {
            out.writabilityChanged(); // wakes a thread waiting to write rows, which then sees the close
        }
        if (target != null) {
            target.cancelRunning();
            submit(target::close);
        }
        if (executor instanceof ExecutorService service) {
            service.shutdown(); // runs what was queued (the close above), then ends the thread
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        BackendWriter out = writer;
        if (out != null) {
            out.writabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable error = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (error instanceof SqlException e) {
            // a frame or message we cannot read: the stream is lost, as in PostgreSQL's FATAL protocol errors
            LOG.log(Level.DEBUG, "protocol violation from {0}: {1}", ctx.channel().remoteAddress(), e.getMessage());
            ctx.writeAndFlush(BackendMessage.ErrorResponse.fatal(e)).addListener(f -> ctx.close());
        } else if (error instanceof IOException) {
            LOG.log(Level.DEBUG, "connection error from {0}: {1}", ctx.channel().remoteAddress(), error.toString());
            ctx.close();
        } else {
            LOG.log(Level.WARNING, "unexpected error on connection " + ctx.channel().remoteAddress(), error);
            ctx.close();
        }
    }

    private void submit(Runnable task) {
        Executor target = executor;
        if (target == null) {
            return;
        }
        try {
            target.execute(task);
        } catch (RejectedExecutionException e) {
            // the connection is closing: nothing is left to do for its messages
            LOG.log(Level.TRACE, "message after close dropped");
        }
    }
}
