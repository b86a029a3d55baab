package io.gangway.interconnect.tcp;

import io.gangway.interconnect.support.IcErrors;
import io.gangway.interconnect.support.StreamRendezvous;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.jspecify.annotations.Nullable;

/**
 * The receiver's side of one stream's connection: the handshake creates the {@link InboundStream}
 * and offers its queue to the {@link StreamRendezvous}; later frames feed the queue. Never blocks
 * the event loop.
 */
final class InboundStreamHandler extends SimpleChannelInboundHandler<IcMessage> {
    private final StreamRendezvous rendezvous;
    private final int queueDepth;
    private @Nullable InboundStream stream;

    InboundStreamHandler(StreamRendezvous rendezvous, int queueDepth) {
        this.rendezvous = rendezvous;
        this.queueDepth = queueDepth;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, IcMessage msg) {
        InboundStream s = stream;
        if (s == null) {
            if (msg instanceof IcMessage.Handshake h) {
                s = new InboundStream(ctx.channel(), h, queueDepth);
                stream = s;
                rendezvous.offer(s.queue());
            } else {
                ctx.close(); // not an interconnect peer
            }
            return;
        }
        switch (msg) {
            case IcMessage.Data d -> s.queue().add(d.chunk());
            case IcMessage.EndOfStream e -> s.queue().end();
            case IcMessage.Error e -> s.queue().fail(e.message());
            case IcMessage.Handshake h -> protocolViolation(ctx, s, msg);
            case IcMessage.Stop st -> protocolViolation(ctx, s, msg);
        }
    }

    private static void protocolViolation(ChannelHandlerContext ctx, InboundStream s, IcMessage msg) {
        s.queue().fail("unexpected " + msg.getClass().getSimpleName() + " from " + s.describe());
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
            s.queue().fail("connection to " + s.describe() + " failed: " + IcErrors.describe(cause));
        }
        ctx.close();
    }
}
