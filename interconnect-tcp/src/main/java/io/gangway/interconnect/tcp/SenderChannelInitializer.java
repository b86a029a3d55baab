package io.gangway.interconnect.tcp;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;

/** The pipeline of a sender's connection to a receiver (one route). */
final class SenderChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final SenderRoute route;
    private final int maxFrameLength;

    SenderChannelInitializer(SenderRoute route, int maxFrameLength) {
        this.route = route;
        this.maxFrameLength = maxFrameLength;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        p.addLast("frame-decoder", IcFrames.newFrameDecoder(maxFrameLength));
        p.addLast("message-decoder", IcMessageDecoder.INSTANCE);
        p.addLast("message-encoder", IcMessageEncoder.INSTANCE);
        p.addLast("handler", new RouteHandler(route));
    }
}
