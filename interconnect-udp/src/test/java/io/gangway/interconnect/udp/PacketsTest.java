package io.gangway.interconnect.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class PacketsTest {
    private static final StreamId ID = new StreamId(11, 22, 3, 4, 5);

    @Test
    void headerRoundTrips() {
        ByteBuf buf = Packets.header(ByteBufAllocator.DEFAULT, Packets.ACK, Packets.STOP, ID, 7, 6, 10, 8);
        try {
            buf.writeInt(8).writeInt(9);
            assertThat(buf.readableBytes()).isEqualTo(Packets.HEADER_SIZE + 8);
            Packets.Header h = Packets.read(buf);
            assertThat(h).isEqualTo(new Packets.Header(Packets.ACK, Packets.STOP, ID, 7, 6, 10, 8));
            assertThat(buf.readInt()).isEqualTo(8);
            assertThat(buf.readInt()).isEqualTo(9);
        } finally {
            buf.release();
        }
    }

    @Test
    void foreignTruncatedOrInconsistentDatagramsAreRejected() {
        assertThat(Packets.read(Unpooled.wrappedBuffer(new byte[Packets.HEADER_SIZE]))).as("wrong magic").isNull();
        ByteBuf truncated = Packets.header(ByteBufAllocator.DEFAULT, Packets.DATA, 0, ID, 1, 0, 0, 100);
        try {
            truncated.writeZero(50);
            assertThat(Packets.read(truncated)).as("payload shorter than its length").isNull();
        } finally {
            truncated.release();
        }
        ByteBuf badType = Packets.header(ByteBufAllocator.DEFAULT, (byte) 9, 0, ID, 1, 0, 0, 0);
        try {
            assertThat(Packets.read(badType)).isNull();
        } finally {
            badType.release();
        }
    }
}
