package io.gangway.interconnect.tcp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.jspecify.annotations.Nullable;

/**
 * The receiver's side of one stream's connection: the handshake creates the {@link InboundStream}
 * and offers it to the {@link StreamRegistry}; later frames feed it. Never blocks the event loop.
 */
final class InboundStreamHandler extends SimpleChannelInboundHandler<IcMessage> {
    private final StreamRegistry registry;
    private final int queueDepth;
    private @Nullable InboundStream stream;

    InboundStreamHandler(StreamRegistry registry, int queueDepth) {
        this.registry = registry;
        this.queueDepth = queueDepth;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, IcMessage msg) {
        InboundStream s = stream;
        if (s == null) {
            if (msg instanceof IcMessage.Handshake h) {
                s = new InboundStream(ctx.channel(), h, queueDepth);
                stream = s;
                registry.offer(s);
            } else {
                ctx.close(); // not an interconnect peer
            }
            return;
        }
        switch (msg) {
            case IcMessage.Data d -> s.onData(d.chunk());
            case IcMessage.EndOfStream e -> s.onEnd();
            case IcMessage.Error e -> s.onFailure(e.message());
            case IcMessage.Handshake h -> protocolViolation(ctx, s, msg);
            case IcMessage.Stop st -> protocolViolation(ctx, s, msg);
        }
    }

    private static void protocolViolation(ChannelHandlerContext ctx, InboundStream s, IcMessage msg) {
        s.onFailure("unexpected " + msg.getClass().getSimpleName() + " from " + s.describe());
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        InboundStream s = stream;
        if (s != null) {
            s.onClosed();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        InboundStream s = stream;
        if (s != null) {
            s.onFailure("connection to " + s.describe() + " failed: " + IcErrors.describe(cause));
        }
        ctx.close();
    }
}
