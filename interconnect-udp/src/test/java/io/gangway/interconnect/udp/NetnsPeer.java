package io.gangway.interconnect.udp;

import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.util.List;

/**
 * One end of {@link NetnsLossTest}'s transfer, run as a child JVM inside a network namespace (a Java
 * thread cannot enter one). {@code receiver ADDRESS CHUNKS} prints {@code LISTENING port}, then
 * {@code RECEIVED n} once every chunk came intact and in order; {@code sender ADDRESS HOST:PORT CHUNKS}
 * sends them and prints {@code SENT n}. Any failure ends the JVM with a stack trace and a non-zero status.
 */
public final class NetnsPeer {
    static final MotionStreamKey KEY = new MotionStreamKey(9, 9, 1);

    private NetnsPeer() {}

    public static void main(String[] args) {
        UdpInterconnectConfig config = UdpInterconnectConfig.DEFAULT.withListenAddress(args[1]);
        try (UdpInterconnect ic = new UdpInterconnect(config)) {
            if (args[0].equals("receiver")) {
                receive(ic, Integer.parseInt(args[2]));
            } else {
                String[] peer = args[2].split(":");
                send(ic, new Endpoint(peer[0], Integer.parseInt(peer[1])), Integer.parseInt(args[3]));
            }
        }
    }

    private static void receive(UdpInterconnect ic, int chunks) {
        System.out.println("LISTENING " + ic.endpoint().port());
        System.out.flush();
        try (MotionReceiver receiver = ic.openReceiver(KEY, 0, 1)) {
            int count = 0;
            for (byte[] c = receiver.next(); c != null; c = receiver.next()) {
                UdpTestChunks.Tag tag = UdpTestChunks.check(c);
                if (tag.seq() != count || c.length != Math.max(UdpTestChunks.TAG_BYTES, UdpTestChunks.sizeOf(count))) {
                    throw new IllegalStateException("chunk " + tag.seq() + " of " + c.length + " bytes where chunk " + count + " was due");
                }
                count++;
            }
            if (count != chunks) {
                throw new IllegalStateException("received " + count + " chunks of " + chunks);
            }
            System.out.println("RECEIVED " + count);
        }
    }

    private static void send(UdpInterconnect ic, Endpoint receiver, int chunks) {
        try (MotionSender sender = ic.openSender(KEY, 0, List.of(receiver))) {
            for (int seq = 0; seq < chunks; seq++) {
                if (!sender.send(0, UdpTestChunks.chunk(0, 0, seq, UdpTestChunks.sizeOf(seq)))) {
                    throw new IllegalStateException("the receiver stopped the stream at chunk " + seq);
                }
            }
            sender.finish();
            System.out.println("SENT " + chunks);
        }
    }
}
