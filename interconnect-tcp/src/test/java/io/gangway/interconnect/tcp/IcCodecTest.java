package io.gangway.interconnect.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.ClusterSecret;
import io.gangway.spi.interconnect.MotionStreamKey;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The frame codec on an {@link EmbeddedChannel}: what the encoder writes, the decoder reads back. */
class IcCodecTest {
    private static final int MAX_FRAME = 4096;

    private final EmbeddedChannel encoder = new EmbeddedChannel(IcMessageEncoder.INSTANCE);
    private final EmbeddedChannel decoder = new EmbeddedChannel(IcFrames.newFrameDecoder(MAX_FRAME), IcMessageDecoder.INSTANCE);

    @AfterEach
    void finish() {
        encoder.finishAndReleaseAll();
        decoder.finishAndReleaseAll();
    }

    @Test
    void everyMessageRoundTrips() {
        List<IcMessage> messages = List.of(
                new IcMessage.Handshake(new MotionStreamKey(1L << 40, 77, 3), 2, 5, ClusterSecret.generate()),
                new IcMessage.Data(new byte[] {1, 2, 3}),
                new IcMessage.Data(new byte[0]),
                IcMessage.EndOfStream.INSTANCE,
                new IcMessage.Error("could not read block 7 of relation \"t\" — ü"),
                IcMessage.Stop.INSTANCE);
        for (IcMessage m : messages) {
            assertThat(encoder.writeOutbound(m)).isTrue();
        }
        List<IcMessage> decoded = new ArrayList<>();
        for (ByteBuf b = encoder.readOutbound(); b != null; b = encoder.readOutbound()) {
            decoder.writeInbound(b);
        }
        for (Object m = decoder.readInbound(); m != null; m = decoder.readInbound()) {
            decoded.add((IcMessage) m);
        }
        assertThat(decoded).hasSize(messages.size());
        assertThat(decoded.get(0)).isEqualTo(messages.get(0));
        assertThat(((IcMessage.Data) decoded.get(1)).chunk()).containsExactly(1, 2, 3);
        assertThat(((IcMessage.Data) decoded.get(2)).chunk()).isEmpty();
        assertThat(decoded.subList(3, 6)).isEqualTo(messages.subList(3, 6));
    }

    @Test
    void dataFrameLayoutIsLengthTypePayload() {
        encoder.writeOutbound(new IcMessage.Data(new byte[] {9, 8}));
        ByteBuf frame = encoder.readOutbound();
        try {
            assertThat(frame.readableBytes()).isEqualTo(4 + 1 + 2);
            assertThat(frame.readInt()).isEqualTo(3);
            assertThat(frame.readByte()).isEqualTo(IcFrames.DATA);
            assertThat(frame.readByte()).isEqualTo((byte) 9);
            assertThat(frame.readByte()).isEqualTo((byte) 8);
        } finally {
            frame.release();
        }
    }

    @Test
    void framesSplitAcrossReadsAreReassembled() {
        byte[] chunk = new byte[1000];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) i;
        }
        encoder.writeOutbound(new IcMessage.Data(chunk), IcMessage.EndOfStream.INSTANCE);
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf b = encoder.readOutbound(); b != null; b = encoder.readOutbound()) {
            all.writeBytes(b);
            b.release();
        }
        while (all.isReadable()) {
            decoder.writeInbound(all.readRetainedSlice(Math.min(7, all.readableBytes())));
        }
        all.release();
        IcMessage.Data data = decoder.readInbound();
        assertThat(data.chunk()).isEqualTo(chunk);
        assertThat((Object) decoder.readInbound()).isEqualTo(IcMessage.EndOfStream.INSTANCE);
    }

    @Test
    void frameOverTheMaximumIsRefused() {
        ByteBuf tooLong = Unpooled.buffer().writeInt(MAX_FRAME + 10).writeByte(IcFrames.DATA);
        assertThatThrownBy(() -> decoder.writeInbound(tooLong)).isInstanceOf(TooLongFrameException.class);
    }

    @Test
    void unknownTypeIsCorrupt() {
        ByteBuf frame = Unpooled.buffer().writeInt(1).writeByte('?');
        assertThatThrownBy(() -> decoder.writeInbound(frame))
                .isInstanceOf(CorruptedFrameException.class)
                .hasMessageContaining("type 63");
    }

    @Test
    void handshakeOfAnotherVersionIsCorrupt() {
        ByteBuf frame = Unpooled.buffer().writeInt(1 + IcFrames.HANDSHAKE_PAYLOAD_SIZE).writeByte(IcFrames.HANDSHAKE)
                .writeInt(99).writeZero(ClusterSecret.LENGTH).writeLong(1).writeLong(2).writeInt(3).writeInt(0).writeInt(0);
        assertThatThrownBy(() -> decoder.writeInbound(frame)).hasMessageContaining("version 99");
    }

    @Test
    void errorTextIsUtf8() {
        encoder.writeOutbound(new IcMessage.Error("é"));
        ByteBuf frame = encoder.readOutbound();
        try {
            frame.skipBytes(5);
            assertThat(frame.toString(StandardCharsets.UTF_8)).isEqualTo("é");
        } finally {
            frame.release();
        }
    }
}
