package io.gangway.interconnect.udp;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** The process's one datagram socket, a Netty NIO channel on one event loop. */
final class NettyDatagramLink implements DatagramLink {
    private static final System.Logger LOG = System.getLogger(NettyDatagramLink.class.getName());

    private final Channel channel;

    NettyDatagramLink(EventLoop loop, UdpInterconnectConfig config, Listener listener) {
        ChannelFuture bound = new Bootstrap()
                .group(loop)
                .channel(NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, config.socketBufferBytes())
                .option(ChannelOption.SO_SNDBUF, config.socketBufferBytes())
                // a datagram larger than the buffer is cut; ours are at most gp_max_packet_size
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(config.maxPacketSize()))
                .option(ChannelOption.MAX_MESSAGES_PER_READ, 64)
                .handler(new Handler(listener))
                .bind(config.listenAddress(), config.port())
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new SqlException(SqlState.GP_INTERCONNECTION_ERROR, "could not bind interconnect socket on "
                    + config.listenAddress() + ":" + config.port() + ": " + bound.cause().getMessage(), bound.cause());
        }
        this.channel = bound.channel();
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public ByteBufAllocator alloc() {
        return channel.alloc();
    }

    @Override
    public void send(ByteBuf packet, InetSocketAddress recipient) {
        // a packet the kernel refuses is a lost packet: retransmission deals with it (exceptionCaught logs)
        channel.writeAndFlush(new DatagramPacket(packet, recipient), channel.voidPromise());
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private static final class Handler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final Listener listener;

        Handler(Listener listener) {
            this.listener = listener;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            listener.onPacket(packet.content(), packet.sender());
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            listener.onReadComplete();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.log(System.Logger.Level.DEBUG, "interconnect datagram error (treated as packet loss)", cause);
        }
    }
}
