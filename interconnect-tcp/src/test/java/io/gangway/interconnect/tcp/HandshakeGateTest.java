package io.gangway.interconnect.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.api.ClusterSecret;
import io.gangway.spi.interconnect.MotionStreamKey;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receiver's gate: only a handshake with the cluster's secret gets past it, and nothing a stranger sent is decoded. */
class HandshakeGateTest {
    private static final ClusterSecret SECRET = ClusterSecret.generate();
    private static final MotionStreamKey KEY = new MotionStreamKey(4, 5, 6);

    private final EmbeddedChannel receiver = new EmbeddedChannel(
            new HandshakeGate(SECRET), IcFrames.newFrameDecoder(4096), IcMessageDecoder.INSTANCE);
    private final EmbeddedChannel encoder = new EmbeddedChannel(IcMessageEncoder.INSTANCE);

    @AfterEach
    void finish() {
        receiver.finishAndReleaseAll();
        encoder.finishAndReleaseAll();
    }

    /** The bytes a sender writes for {@code messages}, in one buffer. */
    private ByteBuf wire(IcMessage... messages) {
        ByteBuf all = Unpooled.buffer();
        for (IcMessage m : messages) {
            encoder.writeOutbound(m);
            ByteBuf b = encoder.readOutbound();
            all.writeBytes(b);
            b.release();
        }
        return all;
    }

    @Test
    void handshakeWithTheSecretPassesAndSoDoesWhatFollows() {
        IcMessage.Handshake hello = new IcMessage.Handshake(KEY, 1, 2, SECRET);
        ByteBuf bytes = wire(hello, new IcMessage.Data(new byte[] {7}));
        // split inside the handshake: the gate waits for all of it
        receiver.writeInbound(bytes.readRetainedSlice(10));
        assertThat((Object) receiver.readInbound()).isNull();
        receiver.writeInbound(bytes.readRetainedSlice(bytes.readableBytes()));
        bytes.release();
        assertThat((Object) receiver.readInbound()).isEqualTo(hello);
        assertThat(((IcMessage.Data) receiver.readInbound()).chunk()).containsExactly(7);
        assertThat(receiver.pipeline().get(HandshakeGate.class)).as("the gate left").isNull();
        assertThat(receiver.isOpen()).isTrue();
    }

    @Test
    void handshakeWithAnotherSecretIsHungUpOnAndNothingIsDecoded() {
        ByteBuf bytes = wire(new IcMessage.Handshake(KEY, 1, 2, ClusterSecret.generate()), new IcMessage.Data(new byte[] {7}));
        receiver.writeInbound(bytes);
        assertThat((Object) receiver.readInbound()).isNull();
        assertThat(receiver.isOpen()).isFalse();
    }

    @Test
    void firstFrameThatIsNoHandshakeIsHungUpOnBeforeItsLengthIsTrusted() {
        // a stranger announcing a large frame: refused on its first four bytes, nothing buffered
        receiver.writeInbound(Unpooled.buffer().writeInt(200 * 1024 * 1024).writeByte(IcFrames.DATA));
        assertThat((Object) receiver.readInbound()).isNull();
        assertThat(receiver.isOpen()).isFalse();
    }
}
