package io.gangway.interconnect.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.spi.interconnect.MotionStreamKey;
import org.junit.jupiter.api.Test;

/** The per-sender queue: its depth drives the flow-control hook; its endings; stop, refuse, release. */
class ChunkQueueTest {
    private final RecordingFlow flow = new RecordingFlow();
    private final ChunkQueue queue = new ChunkQueue(new MotionStreamKey(1, 2, 3), 0, 0, 2, flow);

    @Test
    void fullQueuePausesTheSenderUntilTheConsumerTakesBelowTheDepth() {
        assertThat(queue.add(new byte[] {1})).isTrue();
        assertThat(flow.drain()).isEmpty();
        queue.add(new byte[] {2});
        assertThat(flow.drain()).as("paused at the depth").containsExactly("pause");
        queue.add(new byte[] {3}); // what the transport had already received when it paused is kept
        assertThat(queue.poll()).containsExactly(1);
        assertThat(flow.drain()).as("still at the depth").containsExactly("taken");
        assertThat(queue.poll()).containsExactly(2);
        assertThat(flow.drain()).as("below the depth").containsExactly("resume", "taken");
        assertThat(queue.poll()).containsExactly(3);
        assertThat(queue.poll()).isNull();
        assertThat(flow.drain()).containsExactly("taken");
    }

    @Test
    void endComesAfterTheQueuedChunksAndWinsOverALaterFailure() {
        queue.add(new byte[] {1});
        queue.end();
        assertThat(queue.isEnded()).isFalse();
        assertThat(queue.hasEnd()).isTrue();
        assertThat(queue.poll()).containsExactly(1);
        assertThat(queue.isEnded()).isTrue();
        queue.fail("connection closed");
        assertThat(queue.failure()).as("a failure after the end is none").isNull();
        assertThat(queue.add(new byte[] {2})).as("nothing follows the end").isFalse();
    }

    @Test
    void firstFailureWins() {
        queue.fail("first");
        queue.fail("second");
        queue.end();
        assertThat(queue.failure()).isEqualTo("first");
        assertThat(queue.isEnded()).isFalse();
        assertThat(queue.isFinished()).isTrue();
    }

    @Test
    void stopTellsTheSenderOnceResumesItAndDropsWhatComes() {
        queue.add(new byte[] {1});
        queue.add(new byte[] {2});
        flow.drain();
        queue.stop();
        assertThat(flow.drain()).as("a paused sender is let go, then told to stop").containsExactly("resume", "stop");
        assertThat(queue.isStopped()).isTrue();
        assertThat(queue.add(new byte[] {3})).isFalse();
        assertThat(queue.poll()).isNull();
        queue.stop();
        queue.refuse("too late");
        assertThat(flow.drain()).as("told once").isEmpty();
    }

    @Test
    void refuseFailsTheStreamAndTellsTheSenderWhy() {
        queue.refuse("no receiver opened");
        assertThat(queue.failure()).isEqualTo("no receiver opened");
        assertThat(queue.isStopped()).as("refused, not stopped").isFalse();
        assertThat(flow.drain()).containsExactly("refuse: no receiver opened");
        queue.release();
        assertThat(flow.drain()).containsExactly("release finished");
    }

    @Test
    void releaseOfAnUnfinishedStreamSaysSoOnce() {
        queue.add(new byte[] {1});
        queue.release();
        queue.release();
        assertThat(flow.drain()).containsExactly("release unfinished");
        assertThat(queue.add(new byte[] {2})).isFalse();
        assertThat(queue.poll()).isNull();
    }

    @Test
    void everyChangeWakesTheListener() {
        ChangeSignal signal = new ChangeSignal();
        queue.listenWith(signal);
        long seen = signal.generation();
        queue.add(new byte[] {1});
        assertThat(signal.generation()).isGreaterThan(seen);
        seen = signal.generation();
        queue.end();
        assertThat(signal.generation()).isGreaterThan(seen);
    }
}
