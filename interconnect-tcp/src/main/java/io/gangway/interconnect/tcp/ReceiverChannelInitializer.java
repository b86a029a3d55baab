package io.gangway.interconnect.tcp;

import io.gangway.api.ClusterSecret;
import io.gangway.interconnect.support.StreamRendezvous;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;

/** The pipeline of a connection a sender opened to this process's listener (one stream); its secret is checked first. */
final class ReceiverChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final StreamRendezvous rendezvous;
    private final int queueDepth;
    private final int maxFrameLength;
    private final ChannelGroup channels;
    private final ClusterSecret secret;

    ReceiverChannelInitializer(StreamRendezvous rendezvous, int queueDepth, int maxFrameLength, ChannelGroup channels,
            ClusterSecret secret) {
        this.rendezvous = rendezvous;
        this.queueDepth = queueDepth;
        this.maxFrameLength = maxFrameLength;
        this.channels = channels;
        this.secret = secret;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        channels.add(ch);
        ChannelPipeline p = ch.pipeline();
        p.addLast("handshake-gate", new HandshakeGate(secret));
        p.addLast("frame-decoder", IcFrames.newFrameDecoder(maxFrameLength));
        p.addLast("message-decoder", IcMessageDecoder.INSTANCE);
        p.addLast("message-encoder", IcMessageEncoder.INSTANCE);
        p.addLast("handler", new InboundStreamHandler(rendezvous, queueDepth));
    }
}
