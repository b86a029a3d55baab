package io.gangway.interconnect.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.api.ClusterSecret;
import io.gangway.interconnect.support.ChunkQueue;
import io.gangway.spi.interconnect.MotionStreamKey;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the receive queue's flow control and endings do to the connection, on an {@link EmbeddedChannel}. */
class InboundStreamTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final InboundStream stream = new InboundStream(
            channel, new IcMessage.Handshake(new MotionStreamKey(1, 2, 3), 0, 0, ClusterSecret.INSECURE_FOR_TESTS), 2);
    private final ChunkQueue queue = stream.queue();

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void fullQueueStopsReadingUntilTheConsumerDrainsIt() {
        queue.add(new byte[] {1});
        assertThat(channel.config().isAutoRead()).isTrue();
        queue.add(new byte[] {2});
        assertThat(channel.config().isAutoRead()).as("paused at the queue depth").isFalse();
        queue.add(new byte[] {3}); // already decoded when reading paused: still kept
        assertThat(queue.poll()).containsExactly(1);
        assertThat(channel.config().isAutoRead()).as("still at the depth").isFalse();
        assertThat(queue.poll()).containsExactly(2);
        assertThat(channel.config().isAutoRead()).as("below the depth").isTrue();
    }

    @Test
    void closeBeforeTheEndIsAFailureNamingTheSender() {
        queue.add(new byte[] {1});
        stream.onClosed();
        assertThat(queue.failure()).contains("closed prematurely").contains("sender 0 of motion con1/cmd2/slice3");
    }

    @Test
    void stopTellsTheSenderAndReadsOn() {
        queue.add(new byte[] {1});
        queue.add(new byte[] {2});
        assertThat(channel.config().isAutoRead()).isFalse();
        queue.stop();
        assertThat((Object) channel.readOutbound()).isEqualTo(IcMessage.Stop.INSTANCE);
        assertThat(channel.config().isAutoRead()).as("drains so the sender is not held back").isTrue();
        queue.stop();
        assertThat((Object) channel.readOutbound()).as("stop is sent once").isNull();
    }

    @Test
    void refuseTellsTheSenderWhy() {
        queue.refuse("no receiver opened");
        IcMessage.Error error = channel.readOutbound();
        assertThat(error.message()).isEqualTo("no receiver opened");
        assertThat(queue.failure()).isEqualTo("no receiver opened");
    }

    @Test
    void releaseClosesTheConnection() {
        queue.release();
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }
}
