package io.gangway.interconnect.udp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The datagram format: a fixed 48-byte header on every packet, then a payload.
 *
 * <pre>
 *  0  u16 magic 'GW'        2  u8 type        3  u8 flags
 *  4  i64 session id        12 i64 command id 20 i32 sending slice
 *  24 i32 sender index      28 i32 receiver index
 *  32 i32 seq               36 i32 ack        40 i32 window end   44 i32 payload length
 * </pre>
 *
 * <ul>
 *   <li>{@link #DATA} (sender to receiver): {@code seq} numbers the stream's packets from 1. Flags say
 *       what it carries: {@link #OPEN} (the stream's first packet, its "connect", with the MAC that
 *       presents the cluster secret: {@link StreamAuth}),
 *       {@link #CHUNK_START} (a chunk's first piece, prefixed with the chunk's length; pieces without
 *       a flag continue it), {@link #END_OF_STREAM}, {@link #ERROR} (a UTF-8 message).
 *   <li>{@link #ACK} (receiver to sender): {@code ack} is the highest seq received in order,
 *       {@code window} the highest seq the sender may send; the payload lists up to {@link #MAX_SACKS}
 *       seqs received out of order (selective acknowledgements). Flags: {@link #STOP} (send no more),
 *       {@link #REFUSED} (the stream is refused, the payload is the reason instead).
 *   <li>{@link #PROBE} (sender to receiver): a status query; the receiver answers with an ACK.
 * </ul>
 */
final class Packets {
    static final short MAGIC = 0x4757;
    static final int HEADER_SIZE = 48;

    static final byte DATA = 1;
    static final byte ACK = 2;
    static final byte PROBE = 3;

    static final int OPEN = 1;
    static final int CHUNK_START = 2;
    static final int END_OF_STREAM = 4;
    static final int ERROR = 8;

    static final int STOP = 1;
    static final int REFUSED = 2;

    static final int MAX_SACKS = 32;
    /** A chunk's first piece begins with the chunk's length. */
    static final int CHUNK_LENGTH_SIZE = 4;

    private Packets() {}

    /** What a packet's header says; the buffer's reader index is left at the payload. */
    record Header(byte type, int flags, StreamId stream, int seq, int ack, int window, int length) {}

    /** A new buffer of {@code HEADER_SIZE + length} bytes with the header written; the caller writes the payload. */
    static ByteBuf header(ByteBufAllocator alloc, byte type, int flags, StreamId id, int seq, int ack, int window, int length) {
        ByteBuf buf = alloc.directBuffer(HEADER_SIZE + length);
        buf.writeShort(MAGIC)
                .writeByte(type)
                .writeByte(flags)
                .writeLong(id.sessionId())
                .writeLong(id.commandId())
                .writeInt(id.slice())
                .writeInt(id.sender())
                .writeInt(id.receiver())
                .writeInt(seq)
                .writeInt(ack)
                .writeInt(window)
                .writeInt(length);
        return buf;
    }

    /** An ACK that refuses stream {@code id}, saying why; {@code ack} is how far the receiver got. */
    static ByteBuf refusal(ByteBufAllocator alloc, StreamId id, String reason, int ack) {
        byte[] message = reason.getBytes(StandardCharsets.UTF_8);
        return header(alloc, ACK, REFUSED, id, 0, ack, ack, message.length).writeBytes(message);
    }

    /** An ACK that tells the sender of {@code id} to stop, acknowledging everything up to {@code seq} ("ack the past"). */
    static ByteBuf stop(ByteBufAllocator alloc, StreamId id, int seq) {
        return header(alloc, ACK, STOP, id, 0, seq, seq, 0);
    }

    /** The header, or null for a datagram that is not ours or is truncated (it is dropped). */
    static @Nullable Header read(ByteBuf buf) {
        if (buf.readableBytes() < HEADER_SIZE || buf.readShort() != MAGIC) {
            return null;
        }
        byte type = buf.readByte();
        int flags = buf.readUnsignedByte();
        StreamId id = new StreamId(buf.readLong(), buf.readLong(), buf.readInt(), buf.readInt(), buf.readInt());
        int seq = buf.readInt();
        int ack = buf.readInt();
        int window = buf.readInt();
        int length = buf.readInt();
        if (length < 0 || length != buf.readableBytes() || type < DATA || type > PROBE
                || id.sender() < 0 || id.receiver() < 0) {
            return null;
        }
        return new Header(type, flags, id, seq, ack, window, length);
    }
}
