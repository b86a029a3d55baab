package io.gangway.tck.dispatch;

import static io.gangway.tck.dispatch.TestingDispatcherBehavior.SUPPORTS_CURSOR_GANGS;
import static io.gangway.tck.dispatch.TestingDispatcherBehavior.SUPPORTS_DETAILED_STATS;
import static io.gangway.tck.dispatch.TestingDispatcherBehavior.SUPPORTS_IDLE_CLEANUP;
import static io.gangway.tck.dispatch.TestingDispatcherBehavior.SUPPORTS_POOLING_OFF;
import static io.gangway.tck.dispatch.TestingDispatcherBehavior.SUPPORTS_QE_REUSE;
import static io.gangway.tck.dispatch.TestingDispatcherBehavior.SUPPORTS_WRITER_LOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.dispatch.DispatchOptions;
import io.gangway.spi.dispatch.DispatchRequest;
import io.gangway.spi.dispatch.DispatchStats;
import io.gangway.spi.dispatch.DispatchStats.DestroyReason;
import io.gangway.spi.dispatch.DispatcherSession;
import io.gangway.spi.dispatch.Gang;
import io.gangway.spi.dispatch.GangManager;
import io.gangway.spi.dispatch.GangManagerFactory;
import io.gangway.spi.dispatch.IdleQePool;
import io.gangway.spi.dispatch.IdleQePoolFactory;
import io.gangway.spi.dispatch.QeManagement;
import io.gangway.spi.dispatch.QeConnection;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.dispatch.QeRole;
import io.gangway.spi.dispatch.QeStartup;
import io.gangway.spi.plan.GangType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of a session's {@link GangManager} and {@link IdleQePool}: Greenplum's gang types
 * and writer rules, reuse, the health check, the recycle conditions, idle release and gang
 * creation retries, checked against fake QEs behind the implementation's dispatch servers.
 *
 * <p>An implementation's test extends this class and, besides a dispatcher and dispatch server
 * that take a configured pool ({@link io.gangway.spi.dispatch.Dispatcher#openSession(long,
 * java.util.function.Supplier, io.gangway.api.Settings, QeManagement)}), supplies the factories
 * under test ({@link #createIdleQePoolFactory()}, {@link #createGangManagerFactory()}). Every
 * session is opened with them, and the contract reaches the pool and gang manager they made
 * through the SPI interfaces only. A pool that never keeps a QE declares
 * {@code SUPPORTS_QE_REUSE} off: the contract then checks that every QE is closed at recycle.
 */
public abstract class GangManagerContractTest extends DispatchContractSupport {
    private static final long MB = 1L << 20;

    private final Map<DispatcherSession, IdleQePool> pools = new IdentityHashMap<>();
    private final Map<DispatcherSession, GangManager> gangManagers = new IdentityHashMap<>();
    private IdleQePool lastPool;
    private GangManager lastGangManager;

    /** The idle QE pool factory under test. */
    protected abstract IdleQePoolFactory createIdleQePoolFactory();

    /** The gang manager factory under test. */
    protected abstract GangManagerFactory createGangManagerFactory();

    @Override
    protected final Optional<QeManagement> qeManagement() {
        IdleQePoolFactory pools = createIdleQePoolFactory();
        GangManagerFactory gangs = createGangManagerFactory();
        return Optional.of(new QeManagement(
                context -> lastPool = pools.open(context),
                pool -> lastGangManager = gangs.open(pool)));
    }

    @Override
    protected DispatcherSession openSession(Map<String, String> settings) {
        lastPool = null;
        lastGangManager = null;
        DispatcherSession session = super.openSession(settings);
        assertThat(lastPool).as("the session's pool, made by the factory").isNotNull();
        assertThat(lastGangManager).as("the session's gang manager, made by the factory").isNotNull();
        pools.put(session, lastPool);
        gangManagers.put(session, lastGangManager);
        return session;
    }

    /** The gang manager the factory made for {@code session}. */
    protected final GangManager gangManager(DispatcherSession session) {
        return gangManagers.get(session);
    }

    /** The idle QE pool the factory made for {@code session}. */
    protected final IdleQePool idleQePool(DispatcherSession session) {
        return pools.get(session);
    }

    private boolean reuses() {
        return hasBehavior(SUPPORTS_QE_REUSE);
    }

    private static List<Integer> identifiers(Gang gang) {
        return gang.members().stream().map(QeConnection::identifier).toList();
    }

    private static void answer(Gang gang) {
        for (QeConnection qe : gang.members()) {
            QeResult result = qe.send(new DispatchRequest.SetSettings(Map.of("application_name", "tck"))).join();
            assertThat(result.isSuccess()).isTrue();
        }
    }

    @Test
    void theWriterIsTheFirstQeOfItsSegmentAndTheOnlyOne() {
        DispatcherSession session = openSession();
        GangManager gangs = gangManager(session);
        Gang first = gangs.allocate(GangType.PRIMARY_READER, ALL);
        assertThat(first.members()).extracting(QeConnection::isWriter).containsExactly(true, true);
        assertThat(first.members()).extracting(QeConnection::content).containsExactly(0, 1);
        Gang second = gangs.allocate(GangType.PRIMARY_READER, ALL);
        assertThat(second.members()).extracting(QeConnection::isWriter).containsExactly(false, false);
        assertThatThrownBy(() -> gangs.allocate(GangType.PRIMARY_WRITER, ALL))
                .as("a second writer gang while the writer is busy").isInstanceOf(SqlException.class);
        gangs.recycle(second, false);
        gangs.recycle(first, false);
        Gang writers = gangs.allocate(GangType.PRIMARY_WRITER, ALL);
        assertThat(writers.members()).allMatch(QeConnection::isWriter);
        if (reuses()) {
            assertThat(identifiers(writers)).isEqualTo(identifiers(first));
        } else {
            assertThat(identifiers(writers)).as("made anew").doesNotContainAnyElementsOf(identifiers(first));
        }
        for (FakeQeService service : cluster.segments()) {
            assertThat(service.startups()).filteredOn(QeStartup::writer).hasSize(reuses() ? 1 : 2);
            assertThat(service.startups().getFirst().writer()).as("made first").isTrue();
        }
        assertThat(writers.isHealthy()).isTrue();
    }

    @Test
    void aReaderGangBeforeAnyWriterStillMakesTheWriterFirst() {
        DispatcherSession session = openSession();
        IdleQePool pool = idleQePool(session);
        List<QeConnection> readers = pool.acquire(ALL, QeRole.READER);
        assertThat(readers).extracting(QeConnection::isWriter).containsExactly(false, false);
        for (FakeQeService service : cluster.segments()) {
            assertThat(service.startups()).extracting(QeStartup::writer).containsExactly(true, false);
            assertThat(pool.idleCount(service.content())).as("the writer waits idle").isEqualTo(1);
        }
        readers.forEach(qe -> pool.release(qe, false));
    }

    @Test
    void aGangIsReusedAcrossStatementsAndAPlainReaderGangTakesTheIdleWriter() {
        assumeTrue(reuses(), "QE reuse");
        DispatcherSession session = openSession();
        GangManager gangs = gangManager(session);
        Gang writers = gangs.allocate(GangType.PRIMARY_WRITER, ALL);
        Gang readers = gangs.allocate(GangType.PRIMARY_READER, ALL);
        gangs.recycle(readers, false);
        gangs.recycle(writers, false);
        Gang again = gangs.allocate(GangType.PRIMARY_READER, ALL);
        assertThat(identifiers(again)).as("the idle writers come first").isEqualTo(identifiers(writers));
        Gang more = gangs.allocate(GangType.PRIMARY_READER, ALL);
        assertThat(identifiers(more)).isEqualTo(identifiers(readers));
        DispatchStats stats = session.stats();
        assertThat(stats.qesCreated()).isEqualTo(4);
        assertThat(stats.qesReused()).isEqualTo(4);
        assertThat(cluster.openSessions()).isEqualTo(4);
    }

    @Test
    void aCursorsGangNeverTakesTheWriter() {
        DispatcherSession session = openSession();
        GangManager gangs = gangManager(session);
        DispatchOptions cursor = DispatchOptions.DEFAULT.withCursor(true);
        if (!hasBehavior(SUPPORTS_CURSOR_GANGS)) {
            assertThatThrownBy(() -> gangs.allocate(GangType.PRIMARY_READER, ALL, cursor))
                    .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
            return;
        }
        gangs.recycle(gangs.allocate(GangType.PRIMARY_WRITER, ALL), false);
        Gang cursorGang = gangs.allocate(GangType.PRIMARY_READER, ALL, cursor);
        assertThat(cursorGang.members()).noneMatch(QeConnection::isWriter);
        assertThat(idleQePool(session).idleCount(0)).as("the writer stays idle").isEqualTo(1);
        Gang single = gangs.allocate(GangType.SINGLETON_READER, List.of(1), cursor);
        assertThat(single.members()).singleElement().satisfies(qe -> assertThat(qe.isWriter()).isFalse());
        assertThatThrownBy(() -> gangs.allocate(GangType.PRIMARY_WRITER, ALL, cursor)).isInstanceOf(SqlException.class);
        gangs.recycle(single, false);
        gangs.recycle(cursorGang, false);
    }

    @Test
    void aSingletonReaderGangHasOneQe() {
        DispatcherSession session = openSession();
        Gang gang = gangManager(session).allocate(GangType.SINGLETON_READER, List.of(1));
        assertThat(gang.type()).isEqualTo(GangType.SINGLETON_READER);
        assertThat(gang.members()).singleElement().satisfies(qe -> assertThat(qe.content()).isEqualTo(1));
        assertThat(cluster.service(0).startups()).isEmpty();
    }

    @Test
    void theEntryDbGangIsOneReaderNeverAWriterAndKeepsOneIdle() {
        DispatcherSession session = openSession();
        GangManager gangs = gangManager(session);
        Gang first = gangs.allocate(GangType.ENTRYDB_READER, List.of(-1));
        Gang second = gangs.allocate(GangType.ENTRYDB_READER, List.of(-1));
        for (Gang gang : List.of(first, second)) {
            assertThat(gang.members()).singleElement().satisfies(qe -> {
                assertThat(qe.content()).isEqualTo(-1);
                assertThat(qe.isWriter()).isFalse();
            });
        }
        assertThat(cluster.service(-1).startups()).noneMatch(QeStartup::writer);
        assertThatThrownBy(() -> idleQePool(session).acquire(List.of(-1), QeRole.WRITER)).isInstanceOf(RuntimeException.class);
        gangs.recycle(second, false);
        gangs.recycle(first, false);
        if (!reuses()) {
            assertNothingKept(session, -1, 2);
            return;
        }
        assertThat(idleQePool(session).idleCount(-1)).isEqualTo(1);
        assertThat(session.stats().qesDestroyed()).isEqualTo(1);
        if (reasonsKept()) {
            assertThat(destroyed(session, DestroyReason.CACHE_THRESHOLD)).isEqualTo(1);
        }
    }

    @Test
    void gangOkSeesABrokenMemberWhichIsDestroyedAtRecycle() {
        DispatcherSession session = openSession();
        GangManager gangs = gangManager(session);
        Gang gang = gangs.allocate(GangType.PRIMARY_READER, ALL);
        assertThat(gang.isHealthy()).isTrue();
        cluster.restart(1);
        await("the gang reported unhealthy", () -> !gang.isHealthy());
        assertThat(gang.members().get(0).isHealthy()).isTrue();
        gangs.recycle(gang, false);
        assertThat(session.stats().qesDestroyed()).isEqualTo(reuses() ? 1 : 2);
        if (reasonsKept()) {
            assertThat(destroyed(session, DestroyReason.BROKEN)).isEqualTo(1);
        }
        assertThat(idleQePool(session).idleCount(0)).isEqualTo(reuses() ? 1 : 0);
        assertThat(idleQePool(session).idleCount(1)).isZero();
    }

    @Test
    void idleReadersOverTheCachedGangThresholdAreDestroyed() {
        assumeTrue(reuses(), "QE reuse");
        DispatcherSession session = openSession(Map.of("gp_cached_gang_threshold", "2"));
        GangManager gangs = gangManager(session);
        List<Gang> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(gangs.allocate(GangType.PRIMARY_READER, List.of(0)));
        }
        held.reversed().forEach(gang -> gangs.recycle(gang, false));
        assertThat(idleQePool(session).idleCount(0)).as("the writer and two readers").isEqualTo(3);
        assertThat(session.stats().qesDestroyed()).isEqualTo(1);
        if (reasonsKept()) {
            assertThat(destroyed(session, DestroyReason.CACHE_THRESHOLD)).isEqualTo(1);
        }
        await("the surplus reader closed", () -> cluster.openSessions() == 3);
    }

    @Test
    void aReaderWhosePeakMemoryPassedTheGangCacheLimitIsDestroyed() {
        assumeTrue(reuses(), "QE reuse");
        cluster.service(0).behave((qe, request) -> QeResult.success(0, 0).withPeakMemory(2 * MB));
        DispatcherSession session = openSession(Map.of("gp_vmem_protect_gang_cache_limit", "1"));
        GangManager gangs = gangManager(session);
        Gang writer = gangs.allocate(GangType.PRIMARY_WRITER, List.of(0));
        Gang reader = gangs.allocate(GangType.PRIMARY_READER, List.of(0));
        assertThat(reader.members().getFirst().isWriter()).isFalse();
        answer(writer);
        answer(reader);
        gangs.recycle(reader, false);
        gangs.recycle(writer, false);
        assertThat(idleQePool(session).idleCount(0)).as("the writer is kept whatever its memory").isEqualTo(1);
        assertThat(session.stats().qesDestroyed()).isEqualTo(1);
        if (reasonsKept()) {
            assertThat(destroyed(session, DestroyReason.MEMORY_LIMIT)).isEqualTo(1);
        }
    }

    @Test
    void idleReadersAreReleasedAfterTheIdleTimeoutAndWritersKept() {
        assumeTrue(reuses(), "QE reuse");
        DispatcherSession session = openSession(Map.of("gp_vmem_idle_resource_timeout", "100ms"));
        GangManager gangs = gangManager(session);
        Gang writers = gangs.allocate(GangType.PRIMARY_WRITER, ALL);
        Gang readers = gangs.allocate(GangType.PRIMARY_READER, ALL);
        Gang entry = gangs.allocate(GangType.ENTRYDB_READER, List.of(-1));
        gangs.recycle(entry, false);
        gangs.recycle(readers, false);
        gangs.recycle(writers, false);
        await("idle readers released", () -> cluster.openSessions() == 2);
        assertThat(idleQePool(session).idleCount(0)).isEqualTo(1);
        assertThat(idleQePool(session).idleCount(-1)).isZero();
        assertThat(session.stats().qesDestroyed()).isEqualTo(3);
        if (reasonsKept()) {
            assertThat(destroyed(session, DestroyReason.IDLE_TIMEOUT)).isEqualTo(3);
        }
        assertThat(session.writerLost()).isFalse();
    }

    @Test
    void idleQesAreCleanedUpWithOrWithoutWriters() {
        assumeTrue(hasBehavior(SUPPORTS_IDLE_CLEANUP), "cleanupIdleQes");
        DispatcherSession session = openSession();
        GangManager gangs = gangManager(session);
        Gang writers = gangs.allocate(GangType.PRIMARY_WRITER, ALL);
        Gang readers = gangs.allocate(GangType.PRIMARY_READER, ALL);
        Gang busy = gangs.allocate(GangType.PRIMARY_READER, ALL);
        gangs.recycle(readers, false);
        gangs.recycle(writers, false);
        session.cleanupIdleQes(false);
        await("idle readers closed", () -> cluster.openSessions() == 4);
        assertThat(idleQePool(session).idleCount(0)).isEqualTo(1);
        session.cleanupIdleQes(true);
        await("idle writers closed", () -> cluster.openSessions() == 2);
        assertThat(busy.isHealthy()).as("busy QEs are left alone").isTrue();
        assertThat(session.writerLost()).isFalse();
        gangs.recycle(busy, false);
        Gang next = gangs.allocate(GangType.PRIMARY_WRITER, ALL);
        assertThat(next.members()).allMatch(QeConnection::isWriter);
        for (FakeQeService service : cluster.segments()) {
            assertThat(service.startups()).filteredOn(QeStartup::writer).hasSize(2);
        }
    }

    @Test
    void theQesOfASegmentMarkedDownAreDestroyedAtRecycle() {
        DispatcherSession session = openSession();
        GangManager gangs = gangManager(session);
        Gang writers = gangs.allocate(GangType.PRIMARY_WRITER, ALL);
        Gang readers = gangs.allocate(GangType.PRIMARY_READER, ALL);
        cluster.markStatus(1, 'd');
        gangs.recycle(readers, false);
        gangs.recycle(writers, false);
        assertThat(idleQePool(session).idleCount(0)).isEqualTo(reuses() ? 2 : 0);
        assertThat(idleQePool(session).idleCount(1)).isZero();
        assertThat(session.stats().qesDestroyed()).isEqualTo(reuses() ? 2 : 4);
        if (reasonsKept()) {
            assertThat(destroyed(session, DestroyReason.SEGMENT_DOWN)).isEqualTo(2);
        }
        if (hasBehavior(SUPPORTS_WRITER_LOST)) {
            assertThat(session.writerLost()).as("seg1's writer is gone").isTrue();
        }
    }

    @Test
    void destroyingAWriterLosesIt() {
        DispatcherSession session = openSession();
        GangManager gangs = gangManager(session);
        Gang writers = gangs.allocate(GangType.PRIMARY_WRITER, ALL);
        gangs.recycle(writers, true);
        assertThat(session.writerLost()).isEqualTo(hasBehavior(SUPPORTS_WRITER_LOST));
        Gang next = gangs.allocate(GangType.PRIMARY_WRITER, ALL);
        assertThat(next.members()).allMatch(QeConnection::isWriter);
        assertThat(identifiers(next)).doesNotContainAnyElementsOf(identifiers(writers));
        if (reasonsKept()) {
            assertThat(destroyed(session, DestroyReason.FORCED)).isEqualTo(2);
        }
    }

    @Test
    void gangCreationRetriesWhileASegmentStartsUpThenFailsWith58M01AndTheSegmentsReason() {
        cluster.service(1).refuseStartups(2);
        DispatcherSession session = openSession();
        Gang gang = gangManager(session).allocate(GangType.PRIMARY_READER, ALL);
        assertThat(gang.isHealthy()).isTrue();
        assertThat(cluster.service(1).startups()).hasSize(3);
        cluster.service(1).refuseStartups(100);
        DispatcherSession other = openSession();
        assertThatThrownBy(() -> gangManager(other).allocate(GangType.PRIMARY_READER, ALL))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.GP_SEGMENT_RESOURCES);
                    assertThat(e.getMessage()).isEqualTo("failed to acquire resources on one or more segments");
                    assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d).contains("the database system is starting up"));
                });
    }

    @Test
    void aSegmentThatIsGoneIs58M01AndTheWritersMadeElsewhereAreKept() {
        cluster.stop(1);
        DispatcherSession session = openSession();
        assertThatThrownBy(() -> gangManager(session).allocate(GangType.PRIMARY_WRITER, ALL))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.GP_SEGMENT_RESOURCES);
                    assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d).isNotBlank());
                });
        assertThat(session.stats().qesCreated()).isEqualTo(1);
        assertThat(idleQePool(session).idleCount(0)).isEqualTo(1);
    }

    @Test
    void theNewQesOfAGangConnectConcurrently() {
        CountDownLatch bothStarting = new CountDownLatch(SEGMENTS);
        for (FakeQeService service : cluster.segments()) {
            service.onStartup(startup -> {
                bothStarting.countDown();
                if (!bothStarting.await(5, TimeUnit.SECONDS)) {
                    throw new SqlException(SqlState.INTERNAL_ERROR, "the gang's QEs were connected one by one");
                }
            });
        }
        DispatcherSession session = openSession();
        Gang gang = gangManager(session).allocate(GangType.PRIMARY_WRITER, ALL);
        assertThat(gang.members()).hasSize(SEGMENTS);
    }

    @Test
    void withPoolingOffEveryQeIsClosedAtRecycleWritersIncluded() {
        // A pool that never reuses behaves so whatever the setting says.
        assumeTrue(hasBehavior(SUPPORTS_POOLING_OFF) || !reuses(), "gp_dispatch_pooling");
        DispatcherSession session = openSession(Map.of("gp_dispatch_pooling", "false"));
        GangManager gangs = gangManager(session);
        Gang writers = gangs.allocate(GangType.PRIMARY_WRITER, ALL);
        Gang readers = gangs.allocate(GangType.PRIMARY_READER, ALL);
        gangs.recycle(readers, false);
        gangs.recycle(writers, false);
        assertThat(idleQePool(session).idleCount(0)).isZero();
        await("every QE closed", () -> cluster.openSessions() == 0);
        assertThat(session.stats().qesDestroyed()).isEqualTo(4);
        if (reasonsKept()) {
            assertThat(destroyed(session, DestroyReason.POOLING_DISABLED)).isEqualTo(4);
        }
        assertThat(session.writerLost()).isFalse();
    }

    @Test
    void statsTimeGangCreation() {
        assumeTrue(hasBehavior(SUPPORTS_DETAILED_STATS), "detailed stats");
        DispatcherSession session = openSession();
        GangManager gangs = gangManager(session);
        assertThat(session.stats().gangsCreated()).isZero();
        gangs.recycle(gangs.allocate(GangType.PRIMARY_READER, ALL), false);
        DispatchStats made = session.stats();
        assertThat(made.gangsCreated()).isEqualTo(1);
        assertThat(made.gangCreationTime()).isPositive();
        gangs.recycle(gangs.allocate(GangType.PRIMARY_READER, ALL), false);
        if (!reuses()) {
            assertThat(session.stats().gangsCreated()).as("every gang is made anew").isEqualTo(2);
            return;
        }
        assertThat(session.stats().gangsCreated()).as("a reused gang is not created").isEqualTo(1);
        assertThat(session.stats().gangCreationTime()).isEqualTo(made.gangCreationTime());
    }

    @Test
    void closingTheSessionClosesBusyAndIdleQes() {
        DispatcherSession session = openSession();
        GangManager gangs = gangManager(session);
        Gang busy = gangs.allocate(GangType.PRIMARY_READER, ALL);
        gangs.recycle(gangs.allocate(GangType.PRIMARY_READER, ALL), false);
        gangs.allocate(GangType.ENTRYDB_READER, List.of(-1));
        int open = reuses() ? 5 : 3;
        await("the busy QEs (and the idle ones kept)", () -> cluster.openSessions() == open);
        session.close();
        assertThat(busy.isHealthy()).isFalse();
        await("every QE closed", () -> cluster.openSessions() == 0);
        assertThat(session.stats().qesDestroyed()).isEqualTo(5);
        if (reasonsKept()) {
            assertThat(destroyed(session, DestroyReason.SESSION_CLOSED)).isEqualTo(open);
        }
    }

    /** A pool without reuse: nothing of {@code content} idle, {@code count} QEs closed at recycle as pooling off. */
    private void assertNothingKept(DispatcherSession session, int content, long count) {
        assertThat(idleQePool(session).idleCount(content)).isZero();
        assertThat(session.stats().qesDestroyed()).isEqualTo(count);
        if (reasonsKept()) {
            assertThat(destroyed(session, DestroyReason.POOLING_DISABLED)).isEqualTo(count);
        }
    }
}
