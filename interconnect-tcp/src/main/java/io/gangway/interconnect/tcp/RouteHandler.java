package io.gangway.interconnect.tcp;

import io.gangway.interconnect.support.IcErrors;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/** The sender's side of a route's connection: hears the receiver's stop or error, and writability. */
final class RouteHandler extends SimpleChannelInboundHandler<IcMessage> {
    private final SenderRoute route;

    RouteHandler(SenderRoute route) {
        this.route = route;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, IcMessage msg) {
        switch (msg) {
            case IcMessage.Stop s -> route.onStop();
            case IcMessage.Error e -> {
                // the receiver refused the stream and drains it until we hang up
                route.onBroken(e.message(), null);
                ctx.close();
            }
            case IcMessage.Handshake h -> protocolViolation(ctx, msg);
            case IcMessage.Data d -> protocolViolation(ctx, msg);
            case IcMessage.EndOfStream e -> protocolViolation(ctx, msg);
        }
    }

    private void protocolViolation(ChannelHandlerContext ctx, IcMessage msg) {
        route.onBroken("unexpected " + msg.getClass().getSimpleName() + " from " + route.describe(), null);
        ctx.close();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        route.onWritabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        route.onInactive();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        route.onBroken("connection to " + route.describe() + " failed: " + IcErrors.describe(cause), cause);
        ctx.close();
    }
}
