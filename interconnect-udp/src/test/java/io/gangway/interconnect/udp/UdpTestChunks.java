package io.gangway.interconnect.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

/** Chunks that carry who sent them, where, their place in the stream, and a checkable body. */
final class UdpTestChunks {
    static final int TAG_BYTES = 12;

    private UdpTestChunks() {}

    record Tag(int sender, int route, int seq) {}

    static byte[] chunk(int sender, int route, int seq, int size) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(size, TAG_BYTES));
        b.putInt(sender).putInt(route).putInt(seq);
        while (b.hasRemaining()) {
            b.put((byte) (seq * 31 + sender * 7 + b.position()));
        }
        return b.array();
    }

    /** The tag, after checking every byte of the body. */
    static Tag check(byte[] chunk) {
        ByteBuffer b = ByteBuffer.wrap(chunk);
        Tag tag = new Tag(b.getInt(), b.getInt(), b.getInt());
        while (b.hasRemaining()) {
            int position = b.position();
            assertThat(b.get()).as("byte %d of %s", position, tag).isEqualTo((byte) (tag.seq() * 31 + tag.sender() * 7 + position));
        }
        return tag;
    }

    /** Varied sizes: mostly small, some spanning several 8 KB packets. */
    static int sizeOf(int seq) {
        return switch (seq % 10) {
            case 3 -> 20_000 + seq;
            case 7 -> 8_148;
            default -> 16 + (seq * 37) % 2000;
        };
    }
}
