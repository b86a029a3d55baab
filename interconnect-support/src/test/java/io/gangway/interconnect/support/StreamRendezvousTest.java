package io.gangway.interconnect.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.interconnect.support.StreamRendezvous.Outcome;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one rendezvous policy: attach, park, unclaimed timeout, tombstones. */
class StreamRendezvousTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final MotionStreamKey KEY = new MotionStreamKey(1, 1, 1);

    private final StreamRendezvous rendezvous = new StreamRendezvous(TIMEOUT);

    private static ChunkQueue stream(RecordingFlow flow, int sender, int receiver) {
        return new ChunkQueue(KEY, sender, receiver, 4, flow);
    }

    @Test
    void streamOfAnOpenReceiverIsAttached() {
        MultiplexingReceiver receiver = rendezvous.openReceiver(KEY, 0, 1, TIMEOUT);
        ChunkQueue s = stream(new RecordingFlow(), 0, 0);
        assertThat(rendezvous.offer(s)).isEqualTo(Outcome.ATTACHED);
        s.add(new byte[] {7});
        s.end();
        assertThat(receiver.next()).containsExactly(7);
        assertThat(receiver.next()).isNull();
    }

    @Test
    void earlyStreamIsParkedUntilItsReceiverOpens() {
        ChunkQueue s = stream(new RecordingFlow(), 0, 1);
        assertThat(rendezvous.offer(s)).isEqualTo(Outcome.PARKED);
        s.add(new byte[] {1});
        s.end();
        MultiplexingReceiver other = rendezvous.openReceiver(KEY, 0, 1, Duration.ofMillis(1));
        assertThatThrownBy(other::next).as("another receiver does not take it").hasMessageContaining("did not open a stream");
        MultiplexingReceiver receiver = rendezvous.openReceiver(KEY, 1, 1, TIMEOUT);
        assertThat(receiver.next()).containsExactly(1);
        assertThat(receiver.next()).isNull();
    }

    @Test
    void streamParkedPastTheUnclaimedTimeoutIsRefusedAndItsSlotTombstoned() {
        RecordingFlow flow = new RecordingFlow();
        ChunkQueue s = stream(flow, 0, 0);
        long start = System.nanoTime();
        rendezvous.offer(s);
        rendezvous.expire(start + TIMEOUT.toNanos() / 2);
        assertThat(flow.drain()).as("not yet").isEmpty();
        rendezvous.expire(start + TIMEOUT.toNanos() + 1_000_000);
        assertThat(flow.drain()).singleElement().asString()
                .startsWith("refuse: no receiver opened receiver 0 of motion " + KEY + " within 10000 ms");
        RecordingFlow late = new RecordingFlow();
        assertThat(rendezvous.offer(stream(late, 1, 0))).isEqualTo(Outcome.REFUSED);
        assertThat(late.drain()).singleElement().asString().contains("is closed");
    }

    @Test
    void receiverOpeningLaterStillClaimsAnExpiredSlot() {
        rendezvous.offer(stream(new RecordingFlow(), 0, 0));
        rendezvous.expire(System.nanoTime() + TIMEOUT.toNanos() * 2);
        MultiplexingReceiver receiver = rendezvous.openReceiver(KEY, 0, 1, TIMEOUT);
        ChunkQueue again = stream(new RecordingFlow(), 0, 0);
        assertThat(rendezvous.offer(again)).isEqualTo(Outcome.ATTACHED);
        again.end();
        assertThat(receiver.next()).isNull();
    }

    @Test
    void lateStreamOfAStoppedReceiverIsStopped() {
        MultiplexingReceiver receiver = rendezvous.openReceiver(KEY, 0, 2, TIMEOUT);
        receiver.stop();
        receiver.close();
        RecordingFlow flow = new RecordingFlow();
        assertThat(rendezvous.offer(stream(flow, 1, 0))).isEqualTo(Outcome.STOPPED);
        assertThat(flow.drain()).containsExactly("stop");
    }

    @Test
    void lateStreamOfAClosedReceiverIsRefusedUnlessItsSenderHadEnded() {
        MultiplexingReceiver receiver = rendezvous.openReceiver(KEY, 0, 2, TIMEOUT);
        ChunkQueue ended = stream(new RecordingFlow(), 0, 0);
        rendezvous.offer(ended);
        ended.end();
        receiver.close();
        RecordingFlow repeat = new RecordingFlow();
        assertThat(rendezvous.offer(stream(repeat, 0, 0))).as("a repeat of an ended stream's past").isEqualTo(Outcome.STOPPED);
        assertThat(repeat.drain()).containsExactly("stop");
        RecordingFlow late = new RecordingFlow();
        assertThat(rendezvous.offer(stream(late, 1, 0))).isEqualTo(Outcome.REFUSED);
        assertThat(late.drain()).containsExactly("refuse: receiver 0 of motion " + KEY + " is closed");
    }

    @Test
    void lateArrivalIsJudgedByTheTombstoneWithoutAStream() {
        assertThat(rendezvous.lateArrival(KEY, 0, 0)).as("nothing known: drop").isNull();
        MultiplexingReceiver receiver = rendezvous.openReceiver(KEY, 0, 2, TIMEOUT);
        ChunkQueue ended = stream(new RecordingFlow(), 0, 0);
        rendezvous.offer(ended);
        ended.end();
        assertThat(rendezvous.lateArrival(KEY, 0, 0)).as("open receivers have no tombstone").isNull();
        receiver.close();
        assertThat(rendezvous.lateArrival(KEY, 0, 0)).isEqualTo(Outcome.STOPPED);
        assertThat(rendezvous.lateArrival(KEY, 1, 0)).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void tombstonesExpireAfterTheTimeout() {
        rendezvous.openReceiver(KEY, 0, 1, TIMEOUT).close();
        rendezvous.expire(System.nanoTime() + TIMEOUT.toNanos() * 2);
        assertThat(rendezvous.offer(stream(new RecordingFlow(), 0, 0))).isEqualTo(Outcome.PARKED);
    }

    @Test
    void aSecondOpenReceiverOfTheSameSlotIsAnInternalError() {
        rendezvous.openReceiver(KEY, 0, 1, TIMEOUT);
        assertThatThrownBy(() -> rendezvous.openReceiver(KEY, 0, 1, TIMEOUT))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.INTERNAL_ERROR));
    }

    @Test
    void closeReleasesParkedStreamsAndRefusesLaterOnes() {
        RecordingFlow parked = new RecordingFlow();
        rendezvous.offer(stream(parked, 0, 0));
        MultiplexingReceiver open = rendezvous.openReceiver(KEY, 1, 1, TIMEOUT);
        rendezvous.close();
        assertThat(parked.drain()).containsExactly("release unfinished");
        assertThatThrownBy(open::next).isInstanceOfSatisfying(SqlException.class,
                e -> assertThat(e.state()).isEqualTo(SqlState.QUERY_CANCELED));
        RecordingFlow late = new RecordingFlow();
        assertThat(rendezvous.offer(stream(late, 0, 2))).isEqualTo(Outcome.REFUSED);
        assertThatThrownBy(() -> rendezvous.openReceiver(KEY, 2, 1, TIMEOUT)).hasMessageContaining("interconnect is closed");
    }
}
