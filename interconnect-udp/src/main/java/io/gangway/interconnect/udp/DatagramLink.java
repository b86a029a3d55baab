package io.gangway.interconnect.udp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;

/**
 * The datagram I/O under the interconnect: send a packet to an address, and hear packets through a
 * {@link Listener}. Production uses {@link NettyDatagramLink}; tests wrap it to lose, reorder,
 * duplicate and delay packets, which the protocol above must survive.
 */
interface DatagramLink extends AutoCloseable {
    /** Where this link receives. */
    InetSocketAddress localAddress();

    ByteBufAllocator alloc();

    /** Sends a packet, taking ownership of the buffer; never blocks, may lose the packet. Any thread. */
    void send(ByteBuf packet, InetSocketAddress recipient);

    @Override
    void close();

    /** What the link calls on its event-loop thread. */
    interface Listener {
        /** A packet came; the buffer is only lent for the call. */
        void onPacket(ByteBuf packet, InetSocketAddress sender);

        /** A burst of reads ended: a good moment to send the acknowledgements the burst called for. */
        void onReadComplete();
    }
}
