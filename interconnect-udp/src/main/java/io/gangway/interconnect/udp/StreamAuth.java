package io.gangway.interconnect.udp;

import io.gangway.api.ClusterSecret;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a UDP stream's sender presents the cluster secret: its OPEN packet (seq 1, the stream's
 * "connect") carries an HMAC-SHA256, keyed with the secret, of that packet's own 48-byte header.
 *
 * <p>Only the OPEN is authenticated. A receiver makes a stream (parks it, attaches it, queues its
 * data) only from an OPEN whose MAC is right; any other packet of a stream it does not know is
 * answered from the rendezvous's tombstones or dropped, so a stranger gets no state and nothing it
 * sent is decoded. Later packets of an open stream carry no MAC: that keeps the per-packet cost at
 * nothing, at the price that someone who sees an OPEN on the network could inject packets into that
 * one stream; the secret itself never travels, and the MAC binds the motion, sender and receiver.
 */
final class StreamAuth {
    static final int MAC_SIZE = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    StreamAuth(ClusterSecret secret) {
        this.key = new SecretKeySpec(secret.bytes(), ALGORITHM);
    }

    /** The MAC an OPEN packet of {@code id} carries: over the header the route sends it with (seq 1, no ack). */
    byte[] openMac(StreamId id) {
        ByteBuf header = Packets.header(UnpooledByteBufAllocator.DEFAULT, Packets.DATA, Packets.OPEN, id, 1, 0, 0, MAC_SIZE);
        try {
            return mac(header, header.readerIndex());
        } finally {
            header.release();
        }
    }

    /** Whether a packet (its reader index at the payload, after {@link Packets#read}) is an OPEN with the right MAC. */
    boolean isAuthenticOpen(Packets.Header h, ByteBuf packet) {
        if (h.type() != Packets.DATA || h.flags() != Packets.OPEN || h.seq() != 1 || h.length() != MAC_SIZE) {
            return false;
        }
        byte[] presented = new byte[MAC_SIZE];
        packet.getBytes(packet.readerIndex(), presented);
        return MessageDigest.isEqual(mac(packet, packet.readerIndex() - Packets.HEADER_SIZE), presented);
    }

    private byte[] mac(ByteBuf buf, int headerStart) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(buf.nioBuffer(headerStart, Packets.HEADER_SIZE));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            // every JDK has HmacSHA256; a key of 32 bytes is always valid for it
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
