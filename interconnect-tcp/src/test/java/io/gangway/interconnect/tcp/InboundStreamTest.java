package io.gangway.interconnect.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.spi.interconnect.MotionStreamKey;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receive queue's flow control and endings, on an {@link EmbeddedChannel}. */
class InboundStreamTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final InboundStream stream = new InboundStream(
            channel, new IcMessage.Handshake(new MotionStreamKey(1, 2, 3), 0, 0), 2);

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void fullQueueStopsReadingUntilTheConsumerDrainsIt() {
        stream.onData(new byte[] {1});
        assertThat(channel.config().isAutoRead()).isTrue();
        stream.onData(new byte[] {2});
        assertThat(channel.config().isAutoRead()).as("paused at the queue depth").isFalse();
        stream.onData(new byte[] {3}); // already decoded when reading paused: still kept
        assertThat(stream.poll()).containsExactly(1);
        assertThat(channel.config().isAutoRead()).as("still at the depth").isFalse();
        assertThat(stream.poll()).containsExactly(2);
        assertThat(channel.config().isAutoRead()).as("below the depth").isTrue();
        assertThat(stream.poll()).containsExactly(3);
        assertThat(stream.poll()).isNull();
    }

    @Test
    void endComesAfterTheQueuedChunks() {
        stream.onData(new byte[] {1});
        stream.onEnd();
        assertThat(stream.isEnded()).isFalse();
        assertThat(stream.poll()).containsExactly(1);
        assertThat(stream.isEnded()).isTrue();
        stream.onClosed();
        assertThat(stream.failure()).as("a close after the end is no failure").isNull();
    }

    @Test
    void closeBeforeTheEndIsAFailure() {
        stream.onData(new byte[] {1});
        stream.onClosed();
        assertThat(stream.failure()).contains("closed prematurely").contains("sender 0 of motion con1/cmd2/slice3");
        stream.onFailure("later");
        assertThat(stream.failure()).as("the first failure wins").contains("closed prematurely");
    }

    @Test
    void stopTellsTheSenderAndDropsWhatComes() {
        stream.onData(new byte[] {1});
        stream.onData(new byte[] {2});
        assertThat(channel.config().isAutoRead()).isFalse();
        stream.stop();
        assertThat((Object) channel.readOutbound()).isEqualTo(IcMessage.Stop.INSTANCE);
        assertThat(channel.config().isAutoRead()).as("drains so the sender is not held back").isTrue();
        stream.onData(new byte[] {3});
        assertThat(stream.poll()).isNull();
        stream.stop();
        assertThat((Object) channel.readOutbound()).as("stop is sent once").isNull();
    }

    @Test
    void rejectTellsTheSenderWhy() {
        stream.reject("no receiver opened");
        IcMessage.Error error = channel.readOutbound();
        assertThat(error.message()).isEqualTo("no receiver opened");
        assertThat(stream.failure()).isEqualTo("no receiver opened");
    }
}
