package io.gangway.dispatcher.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.api.Settings;
import io.gangway.dispatcher.DispatcherConfig;
import io.gangway.spi.dispatch.DispatchStats.DestroyReason;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Greenplum's recycle conditions, one by one and in their order, on the pure policy. */
class RecyclePolicyTest {
    private static final long MB = 1L << 20;
    private static final DispatcherConfig CONFIG = DispatcherConfig.DEFAULT.withSettings(new Settings(Map.of(
            "gp_cached_gang_threshold", "2", "gp_vmem_protect_gang_cache_limit", "10")));
    /** A healthy reader of seg0 with current settings, little memory and room in the pool: kept. */
    private static final RecyclePolicy.Facts KEPT = new RecyclePolicy.Facts(0, false, false, true, false, true, MB, 0);

    private static Optional<DestroyReason> decide(RecyclePolicy.Facts facts) {
        return RecyclePolicy.decide(facts, CONFIG);
    }

    private static RecyclePolicy.Facts with(int content, boolean writer, boolean closed, boolean healthy, boolean down,
            boolean current, long memory, int idle) {
        return new RecyclePolicy.Facts(content, writer, closed, healthy, down, current, memory, idle);
    }

    @Test
    void aHealthyReaderWithRoomIsKept() {
        assertThat(decide(KEPT)).isEmpty();
        assertThat(decide(with(0, false, false, true, false, true, MB, 1))).as("one below the threshold").isEmpty();
    }

    @Test
    void eachConditionDestroysForItsReason() {
        assertThat(decide(with(0, false, true, true, false, true, MB, 0))).contains(DestroyReason.SESSION_CLOSED);
        assertThat(decide(with(0, false, false, false, false, true, MB, 0))).contains(DestroyReason.BROKEN);
        assertThat(decide(with(0, false, false, true, true, true, MB, 0))).contains(DestroyReason.SEGMENT_DOWN);
        assertThat(decide(with(0, false, false, true, false, false, MB, 0))).as("missed a SET").contains(DestroyReason.FORCED);
        assertThat(decide(with(0, false, false, true, false, true, 11 * MB, 0))).contains(DestroyReason.MEMORY_LIMIT);
        assertThat(decide(with(0, false, false, true, false, true, MB, 2))).contains(DestroyReason.CACHE_THRESHOLD);
    }

    @Test
    void theFirstFailingConditionInGreenplumsOrderDecides() {
        assertThat(decide(with(0, false, true, false, true, false, 11 * MB, 9))).contains(DestroyReason.SESSION_CLOSED);
        assertThat(decide(with(0, false, false, false, true, false, 11 * MB, 9))).contains(DestroyReason.BROKEN);
        assertThat(decide(with(0, false, false, true, true, false, 11 * MB, 9))).contains(DestroyReason.SEGMENT_DOWN);
        assertThat(decide(with(0, false, false, true, false, true, 11 * MB, 9))).contains(DestroyReason.MEMORY_LIMIT);
    }

    @Test
    void writersIgnoreMemoryAndTheThreshold() {
        assertThat(decide(with(0, true, false, true, false, true, 100 * MB, 9))).isEmpty();
        assertThat(decide(with(0, true, false, true, true, true, MB, 0))).contains(DestroyReason.SEGMENT_DOWN);
    }

    @Test
    void theEntryDbKeepsOneIdleReader() {
        assertThat(decide(with(-1, false, false, true, false, true, MB, 0))).isEmpty();
        assertThat(decide(with(-1, false, false, true, false, true, MB, 1))).contains(DestroyReason.CACHE_THRESHOLD);
    }

    @Test
    void poolingOffDestroysEveryHealthyQeWritersIncluded() {
        DispatcherConfig off = CONFIG.withSettings(new Settings(Map.of("gp_dispatch_pooling", "off")));
        assertThat(RecyclePolicy.decide(KEPT, off)).contains(DestroyReason.POOLING_DISABLED);
        assertThat(RecyclePolicy.decide(with(0, true, false, true, false, true, MB, 0), off)).contains(DestroyReason.POOLING_DISABLED);
        assertThat(RecyclePolicy.decide(with(0, true, false, false, false, true, MB, 0), off)).as("broken first")
                .contains(DestroyReason.BROKEN);
    }

    @Test
    void onlyAWriterLostToAFailureResetsTheSession() {
        assertThat(RecyclePolicy.losesWriter(true, DestroyReason.FORCED)).isTrue();
        assertThat(RecyclePolicy.losesWriter(true, DestroyReason.BROKEN)).isTrue();
        assertThat(RecyclePolicy.losesWriter(true, DestroyReason.SEGMENT_DOWN)).isTrue();
        assertThat(RecyclePolicy.losesWriter(true, DestroyReason.POOLING_DISABLED)).isFalse();
        assertThat(RecyclePolicy.losesWriter(true, DestroyReason.CLEANUP)).isFalse();
        assertThat(RecyclePolicy.losesWriter(false, DestroyReason.BROKEN)).isFalse();
    }
}
