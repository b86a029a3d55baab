package io.gangway.dispatcher.qe;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.dispatcher.protocol.DispatchMessage;
import io.gangway.dispatcher.protocol.DispatchMessage.Cancel;
import io.gangway.dispatcher.protocol.DispatchMessage.Dispatch;
import io.gangway.dispatcher.protocol.DispatchMessage.Result;
import io.gangway.dispatcher.protocol.DispatchMessage.Startup;
import io.gangway.dispatcher.protocol.DispatchMessage.StartupFailed;
import io.gangway.dispatcher.protocol.DispatchMessage.StartupOk;
import io.gangway.dispatcher.protocol.DispatchMessage.Terminate;
import io.gangway.dispatcher.protocol.KryoSerialization;
import io.gangway.spi.dispatch.DispatchRequest;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.dispatch.QeService;
import io.gangway.spi.dispatch.QeSession;
import io.gangway.spi.dispatch.QeStartup;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The segment side of one dispatcher connection: one QE. Requests run in arrival order on the
 * connection's own worker (a virtual thread), never on the event loop; cancels act at once.
 */
final class QeSessionHandler extends SimpleChannelInboundHandler<DispatchMessage> {
    private static final System.Logger LOG = System.getLogger(QeSessionHandler.class.getName());
    private static final long NONE = -1;

    private final QeService service;
    private final KryoSerialization serialization;
    private final NettyDispatchServer.SessionCounter counter;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("qe-worker").factory());
    private final Object lock = new Object();

    // Guarded by lock: the QE session, the request now running, cancels that came before their request ran.
    private @Nullable QeSession session;
    private int content;
    private boolean started;
    private boolean closed;
    private long running = NONE;
    private long lastDone = NONE;
    private final Map<Long, Boolean> earlyCancels = new HashMap<>();

    QeSessionHandler(QeService service, NettyDispatchServer.SessionCounter counter, KryoSerialization serialization) {
        this.service = service;
        this.serialization = serialization;
        this.counter = counter;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DispatchMessage message) {
        switch (message) {
            case Startup startup -> {
                if (started) {
                    protocolViolation(ctx, "a second startup message");
                    return;
                }
                started = true;
                worker.execute(() -> open(ctx, startup.startup()));
            }
            case Dispatch dispatch -> {
                if (!started) {
                    protocolViolation(ctx, "a request before startup");
                    return;
                }
                worker.execute(() -> run(ctx, dispatch.requestId(), dispatch::request));
            }
            case DispatchMessage.DispatchSlice slice -> {
                if (!started) {
                    protocolViolation(ctx, "a request before startup");
                    return;
                }
                worker.execute(() -> run(ctx, slice.requestId(), () -> executeSlice(slice)));
            }
            case Cancel cancel -> cancel(cancel);
            case Terminate terminate -> ctx.close();
            case StartupOk ok -> protocolViolation(ctx, "a StartupOk message");
            case StartupFailed failed -> protocolViolation(ctx, "a StartupFailed message");
            case Result result -> protocolViolation(ctx, "a Result message");
        }
    }

    private void open(ChannelHandlerContext ctx, QeStartup startup) {
        QeSession opened;
        try {
            opened = service.open(startup);
        } catch (RuntimeException e) {
            SqlException error = SqlException.of(e);
            LOG.log(System.Logger.Level.DEBUG, "QE startup refused: {0}", error.getMessage());
            ctx.writeAndFlush(new StartupFailed(error.state().code(), error.getMessage()))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        counter.opened();
        boolean lateClose;
        synchronized (lock) {
            lateClose = closed;
            if (!lateClose) {
                session = opened;
                content = startup.content();
            }
        }
        if (lateClose) {
            closeSession(opened);
            return;
        }
        ctx.writeAndFlush(new StartupOk(service.interconnectEndpoint(), counter.nextPid()));
    }

    /** The request a DispatchSlice stands for; its shared plan is deserialized here, off the event loop. */
    private DispatchRequest executeSlice(DispatchMessage.DispatchSlice slice) {
        Object shared = serialization.decode(slice.sharedPlan());
        if (!(shared instanceof DispatchMessage.SharedPlan plan)) {
            throw new SqlException(SqlState.PROTOCOL_VIOLATION, "a DispatchSlice without a plan");
        }
        return new DispatchRequest.ExecuteSlice(plan.plan(), slice.sliceId(), slice.memberIndex(), plan.sliceTable(),
                slice.commandId());
    }

    private void run(ChannelHandlerContext ctx, long requestId, Supplier<DispatchRequest> requestOf) {
        QeSession current;
        Boolean earlyCancel;
        int qeContent;
        synchronized (lock) {
            current = session;
            if (closed || current == null) {
                return;
            }
            qeContent = content;
            earlyCancel = earlyCancels.remove(requestId);
            if (earlyCancel == null) {
                running = requestId;
            } else {
                lastDone = requestId;
            }
        }
        QeResult result;
        if (earlyCancel != null) {
            // Cancelled before it began: it never runs.
            result = earlyCancel
                    ? QeResult.success(qeContent, 0)
                    : QeResult.failure(qeContent, new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request"));
        } else {
            try {
                result = current.execute(requestOf.get());
            } catch (RuntimeException e) {
                result = QeResult.failure(qeContent, SqlException.of(e));
            } finally {
                synchronized (lock) {
                    running = NONE;
                    lastDone = requestId;
                }
            }
        }
        ctx.writeAndFlush(new Result(requestId, result));
    }

    private void cancel(Cancel cancel) {
        QeSession target = null;
        synchronized (lock) {
            if (running == cancel.requestId()) {
                target = session;
            } else if (cancel.requestId() > lastDone) {
                earlyCancels.put(cancel.requestId(), cancel.finish());
            }
        }
        if (target != null) {
            target.cancel(cancel.finish());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        QeSession toClose;
        boolean wasRunning;
        synchronized (lock) {
            closed = true;
            toClose = session;
            session = null;
            wasRunning = running != NONE;
        }
        if (toClose != null) {
            if (wasRunning) {
                // The QD is gone: stop the request now; the close waits its turn on the worker.
                toClose.cancel(false);
            }
            QeSession s = toClose;
            worker.execute(() -> closeSession(s));
        }
        worker.shutdown();
        super.channelInactive(ctx);
    }

    private void closeSession(QeSession s) {
        try {
            s.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "closing a QE session failed", e);
        } finally {
            counter.closed();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException decoding && decoding.getCause() instanceof SqlException e
                && e.state() == SqlState.PROTOCOL_VIOLATION) {
            // A frame off the allow-list, or garbage: refused before anything in it was built.
            LOG.log(System.Logger.Level.WARNING, "dispatch connection from {0} closed: {1}",
                    ctx.channel().remoteAddress(), e.getMessage());
        } else {
            LOG.log(System.Logger.Level.DEBUG, "dispatch connection error", cause);
        }
        ctx.close();
    }

    private static void protocolViolation(ChannelHandlerContext ctx, String what) {
        LOG.log(System.Logger.Level.WARNING, "dispatch protocol violation: {0}", what);
        ctx.close();
    }
}
