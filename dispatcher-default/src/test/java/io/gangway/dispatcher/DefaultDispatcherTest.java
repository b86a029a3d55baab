package io.gangway.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.dispatcher.FakeQeService.FakeQeSession;
import io.gangway.spi.dispatch.DispatchRequest;
import io.gangway.spi.dispatch.DispatchRequest.ExecuteSlice;
import io.gangway.spi.dispatch.DispatchStats;
import io.gangway.spi.dispatch.DispatchedStatement;
import io.gangway.spi.dispatch.DispatcherSession;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.dispatch.QeStartup;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.plan.PlannedStatement;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DefaultDispatcherTest {
    private static final Endpoint COORDINATOR = new Endpoint("127.0.0.1", 5999);
    private static final Settings FAST = new Settings(Map.of(
            "gp_gang_creation_retry_count", "2",
            "gp_gang_creation_retry_timer", "20ms",
            "dispatch_connect_timeout", "3s"));

    private final AtomicLong sessionIds = new AtomicLong();
    private TestCluster cluster;
    private DefaultDispatcher dispatcher;

    @BeforeEach
    void start() {
        cluster = new TestCluster(2);
        dispatcher = new DefaultDispatcher(DispatcherConfig.DEFAULT, 2);
    }

    @AfterEach
    void stop() {
        dispatcher.close();
        cluster.close();
    }

    private DispatcherSession openSession() {
        return openSession(FAST);
    }

    private DispatcherSession openSession(Settings settings) {
        return dispatcher.openSession(sessionIds.incrementAndGet(), cluster.components(), settings);
    }

    private static List<QeResult> run(DispatcherSession session, PlannedStatement plan) {
        try (DispatchedStatement statement = session.dispatchPlan(plan, 1, COORDINATOR)) {
            return statement.awaitResults();
        }
    }

    @Test
    void startupAndExecuteRoundTrip() {
        PlannedStatement plan = TestPlans.readerPlan(1, 2);
        try (DispatcherSession session = openSession(FAST.with("work_mem", "8MB"))) {
            List<QeResult> results;
            try (DispatchedStatement statement = session.dispatchPlan(plan, 42, COORDINATOR)) {
                assertThat(statement.sliceTable().membersOf(0)).containsExactly(COORDINATOR);
                assertThat(statement.sliceTable().membersOf(1)).containsExactly(
                        new Endpoint("127.0.0.1", 50_000), new Endpoint("127.0.0.1", 50_001));
                results = statement.awaitResults();
            }
            assertThat(results).containsExactly(QeResult.success(0, 1), QeResult.success(1, 1));
            for (int content = 0; content < 2; content++) {
                FakeQeService service = cluster.service(content);
                assertThat(service.startups).hasSize(1);
                QeStartup startup = service.startups.getFirst();
                assertThat(startup.content()).isEqualTo(content);
                assertThat(startup.writer()).isTrue();
                assertThat(startup.settings()).containsEntry("work_mem", "8MB");
                ExecuteSlice request = (ExecuteSlice) service.sessions.getFirst().requests.getFirst();
                assertThat(request.plan()).isEqualTo(plan);
                assertThat(request.sliceId()).isEqualTo(1);
                assertThat(request.memberIndex()).isEqualTo(content);
                assertThat(request.commandId()).isEqualTo(42);
                assertThat(request.sliceTable().membersOf(1)).hasSize(2);
            }
            assertThat(cluster.openSessions()).isEqualTo(2);
        }
    }

    @Test
    void secondDispatchReusesTheGang() {
        try (DispatcherSession session = openSession()) {
            run(session, TestPlans.readerPlan(2, 2));
            DispatchStats first = session.stats();
            assertThat(first.qesCreated()).isEqualTo(4);
            run(session, TestPlans.readerPlan(2, 2));
            DispatchStats second = session.stats();
            assertThat(second.qesCreated()).isEqualTo(first.qesCreated());
            assertThat(second.qesReused()).isEqualTo(first.qesReused() + 4);
            assertThat(second.qesDestroyed()).isZero();
            assertThat(cluster.openSessions()).isEqualTo(4);
        }
    }

    @Test
    void writerGangComesFirstAndEachContentHasOneWriter() {
        try (DispatcherSession session = openSession()) {
            run(session, TestPlans.insertPlan(2));
            run(session, TestPlans.readerPlan(2, 2));
            run(session, TestPlans.insertPlan(2));
            for (int content = 0; content < 2; content++) {
                List<QeStartup> startups = cluster.service(content).startups;
                assertThat(startups).filteredOn(QeStartup::writer).hasSize(1);
                QeStartup writer = startups.stream().filter(QeStartup::writer).findFirst().orElseThrow();
                assertThat(startups).allSatisfy(s -> assertThat(s.identifier()).isGreaterThanOrEqualTo(writer.identifier()));
                // The writer ran the insert slice (slice 1) both times.
                FakeQeSession writerSession = cluster.service(content).sessions.stream()
                        .filter(s -> s.startup.writer()).findFirst().orElseThrow();
                assertThat(writerSession.requests).extracting(r -> ((ExecuteSlice) r).sliceId()).containsExactly(1, 1, 1);
            }
            assertThat(session.stats().qesCreated()).isEqualTo(4);
        }
    }

    @Test
    void twoReaderSlicesGetDistinctQesPerSegment() {
        try (DispatcherSession session = openSession()) {
            run(session, TestPlans.readerPlan(2, 2));
            for (int content = 0; content < 2; content++) {
                List<FakeQeSession> sessions = cluster.service(content).sessions;
                assertThat(sessions).hasSize(2);
                Set<Integer> slices = new HashSet<>();
                for (FakeQeSession qe : sessions) {
                    assertThat(qe.requests).hasSize(1);
                    slices.add(((ExecuteSlice) qe.requests.getFirst()).sliceId());
                }
                assertThat(slices).containsExactlyInAnyOrder(1, 2);
                assertThat(sessions).extracting(s -> s.startup.writer()).containsExactlyInAnyOrder(true, false);
            }
        }
    }

    @Test
    void anErrorCancelsTheOtherQesAndTheQesOwnErrorWins() {
        CountDownLatch othersRunning = new CountDownLatch(3);
        for (FakeQeService service : cluster.services) {
            service.behavior = (qe, request) -> {
                ExecuteSlice slice = (ExecuteSlice) request;
                if (qe.service.content == 0 && slice.sliceId() == 1) {
                    othersRunning.await(5, TimeUnit.SECONDS);
                    return QeResult.failure(0, new SqlException(SqlState.DIVISION_BY_ZERO, "division by zero"));
                }
                if (qe.service.content == 1 && slice.sliceId() == 2) {
                    // An interconnect error that comes first must not hide the real one.
                    othersRunning.countDown();
                    return QeResult.failure(1, new SqlException(SqlState.GP_INTERCONNECTION_ERROR,
                            "interconnect error: receiver went away"));
                }
                othersRunning.countDown();
                return qe.blockUntilCancelled();
            };
        }
        try (DispatcherSession session = openSession()) {
            DispatchedStatement statement = session.dispatchPlan(TestPlans.readerPlan(2, 2), 1, COORDINATOR);
            assertThatThrownBy(statement::awaitResults)
                    .isInstanceOfSatisfying(SqlException.class, e -> {
                        assertThat(e.state()).isEqualTo(SqlState.DIVISION_BY_ZERO);
                        assertThat(e.getMessage()).startsWith("division by zero  (seg0 slice1 127.0.0.1:" + cluster.port(0)
                                + " pid=");
                    });
            statement.close();
            long cancelled = cluster.services.stream().flatMap(s -> s.sessions.stream())
                    .filter(qe -> qe.cancels.get() > 0).count();
            assertThat(cancelled).isEqualTo(2);
            // A failed statement's QEs are not reused.
            assertThat(session.stats().qesDestroyed()).isEqualTo(4);
            Await.until("QE sessions closed", () -> cluster.openSessions() == 0);
            for (FakeQeService service : cluster.services) {
                service.behavior = (qe, request) -> QeResult.success(qe.service.content, 2);
            }
            assertThat(run(session, TestPlans.readerPlan(1, 2))).extracting(QeResult::rowsProcessed).containsExactly(2L, 2L);
        }
    }

    @Test
    void cancelStopsEveryQe() {
        for (FakeQeService service : cluster.services) {
            service.behavior = (qe, request) -> qe.blockUntilCancelled();
        }
        try (DispatcherSession session = openSession()) {
            DispatchedStatement statement = session.dispatchPlan(TestPlans.readerPlan(1, 2), 1, COORDINATOR);
            statement.cancel();
            assertThatThrownBy(statement::awaitResults)
                    .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.QUERY_CANCELED));
            statement.close();
            assertThat(session.stats().qesDestroyed()).isEqualTo(2);
        }
    }

    @Test
    void finishEndsEveryQeSuccessfullyAndKeepsTheGang() {
        for (FakeQeService service : cluster.services) {
            service.behavior = (qe, request) -> qe.blockUntilCancelled();
        }
        try (DispatcherSession session = openSession()) {
            try (DispatchedStatement statement = session.dispatchPlan(TestPlans.readerPlan(1, 2), 1, COORDINATOR)) {
                // Finish the slices while they run (a finish that beats its request is answered without running it).
                Await.until("every QE running its slice", () -> cluster.services.stream()
                        .allMatch(s -> s.sessions.stream().anyMatch(qe -> !qe.requests.isEmpty())));
                statement.finish();
                assertThat(statement.awaitResults()).containsExactly(QeResult.success(0, 5), QeResult.success(1, 5));
            }
            assertThat(session.stats().qesDestroyed()).isZero();
            assertThat(cluster.openSessions()).isEqualTo(2);
        }
    }

    @Test
    void deadSegmentIs58M01WithTheReason() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        cluster.movePort(1, deadPort);
        try (DispatcherSession session = openSession()) {
            assertThatThrownBy(() -> session.dispatchPlan(TestPlans.readerPlan(1, 2), 1, COORDINATOR))
                    .isInstanceOfSatisfying(SqlException.class, e -> {
                        assertThat(e.state()).isEqualTo(SqlState.GP_SEGMENT_RESOURCES);
                        assertThat(e.getMessage()).isEqualTo("failed to acquire resources on one or more segments");
                        assertThat(e.detail()).contains("connection refused: 127.0.0.1:" + deadPort + " (seg1)");
                    });
            // seg0's writer was made and is kept for the session.
            assertThat(session.stats().qesCreated()).isEqualTo(1);
            assertThat(cluster.openSessions()).isEqualTo(1);
        }
    }

    @Test
    void gangCreationRetriesWhileTheSegmentStartsUp() {
        cluster.service(1).refuseStartups.set(2);
        try (DispatcherSession session = openSession()) {
            assertThat(run(session, TestPlans.readerPlan(1, 2))).hasSize(2);
            assertThat(cluster.service(1).startups).hasSize(3);
        }
        cluster.service(1).refuseStartups.set(10);
        try (DispatcherSession session = openSession()) {
            assertThatThrownBy(() -> session.dispatchPlan(TestPlans.readerPlan(1, 2), 1, COORDINATOR))
                    .isInstanceOfSatisfying(SqlException.class, e -> {
                        assertThat(e.state()).isEqualTo(SqlState.GP_SEGMENT_RESOURCES);
                        assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d)
                                .startsWith("the database system is starting up (seg1 127.0.0.1:"));
                    });
        }
    }

    @Test
    void droppedConnectionFailsTheStatementAndTheBrokenQeIsNotReused() {
        CountDownLatch running = new CountDownLatch(2);
        for (FakeQeService service : cluster.services) {
            service.behavior = (qe, request) -> {
                running.countDown();
                return qe.blockUntilCancelled();
            };
        }
        try (DispatcherSession session = openSession()) {
            DispatchedStatement statement = session.dispatchPlan(TestPlans.readerPlan(1, 2), 1, COORDINATOR);
            Await.until("both QEs running", () -> running.getCount() == 0);
            long started = System.nanoTime();
            cluster.restart(0);
            assertThatThrownBy(statement::awaitResults)
                    .isInstanceOfSatisfying(SqlException.class, e -> {
                        assertThat(e.state()).isEqualTo(SqlState.CONNECTION_FAILURE);
                        assertThat(e.getMessage()).contains("server closed the connection unexpectedly  (seg0 slice1");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            statement.close();
            for (FakeQeService service : cluster.services) {
                service.behavior = (qe, request) -> QeResult.success(qe.service.content, 1);
            }
            long createdBefore = session.stats().qesCreated();
            assertThat(run(session, TestPlans.readerPlan(1, 2))).hasSize(2);
            assertThat(session.stats().qesCreated()).isEqualTo(createdBefore + 2);
            assertThat(cluster.service(0).sessions.getLast().requests).hasSize(1);
        }
    }

    @Test
    void closingTheSessionClosesEveryQe() {
        DispatcherSession session = openSession();
        run(session, TestPlans.readerPlan(2, 2));
        run(session, TestPlans.insertPlan(2));
        assertThat(cluster.openSessions()).isEqualTo(4);
        session.close();
        Await.until("every QE session closed", () -> cluster.openSessions() == 0);
        assertThat(cluster.services.stream().flatMap(s -> s.sessions.stream())).allMatch(qe -> qe.closed.get());
        assertThat(session.stats().qesDestroyed()).isEqualTo(4);
    }

    @Test
    void manySessionsLeaveNoQeBehind() {
        for (int i = 0; i < 200; i++) {
            try (DispatcherSession session = openSession()) {
                if (i % 2 == 0) {
                    run(session, TestPlans.readerPlan(1, 2));
                } else {
                    session.dispatchToWriters(new DispatchRequest.SetSettings(Map.of("search_path", "s" + i)));
                }
            }
        }
        Await.until("every QE session closed", () -> cluster.openSessions() == 0, Duration.ofSeconds(15));
        assertThat(dispatcher.openSessionCount()).isZero();
    }

    @Test
    void dispatchToWritersUsesTheWriterOfEverySegment() {
        try (DispatcherSession session = openSession()) {
            run(session, TestPlans.readerPlan(2, 2));
            DispatchRequest create = new DispatchRequest.Utility(
                    new DispatchRequest.UtilityCommand.CreateTable(TestPlans.ORDERS));
            assertThat(session.dispatchToWriters(create)).containsExactly(QeResult.success(0, 1), QeResult.success(1, 1));
            for (FakeQeService service : cluster.services) {
                FakeQeSession writer = service.sessions.stream().filter(s -> s.startup.writer()).findFirst().orElseThrow();
                assertThat(writer.requests).last().isEqualTo(create);
            }
            cluster.service(1).behavior = (qe, request) -> QeResult.failure(1,
                    new SqlException(SqlState.DUPLICATE_TABLE, "relation \"orders\" already exists"));
            assertThatThrownBy(() -> session.dispatchToWriters(create))
                    .isInstanceOfSatisfying(SqlException.class, e -> {
                        assertThat(e.state()).isEqualTo(SqlState.DUPLICATE_TABLE);
                        assertThat(e.getMessage()).startsWith("relation \"orders\" already exists  (seg1 127.0.0.1:");
                    });
            // An error a QE reports leaves it usable.
            assertThat(session.stats().qesDestroyed()).isZero();
        }
    }

    @Test
    void settingsReachIdleQesAndNewOnes() {
        try (DispatcherSession session = openSession()) {
            run(session, TestPlans.readerPlan(2, 2));
            session.applySettings(Map.of("work_mem", "1MB"));
            for (FakeQeService service : cluster.services) {
                assertThat(service.sessions).hasSize(2).allSatisfy(qe ->
                        assertThat(qe.requests).last().isEqualTo(new DispatchRequest.SetSettings(Map.of("work_mem", "1MB"))));
            }
            run(session, TestPlans.readerPlan(3, 2));
            assertThat(session.stats().qesDestroyed()).isZero();
            for (FakeQeService service : cluster.services) {
                assertThat(service.startups).hasSize(3);
                assertThat(service.startups.getLast().settings()).containsEntry("work_mem", "1MB");
            }
        }
    }

    @Test
    void idleReadersAreEvictedAndWritersKept() {
        try (DispatcherSession session = openSession(FAST.with("gp_vmem_idle_resource_timeout", "100ms"))) {
            run(session, TestPlans.readerPlan(3, 2));
            assertThat(cluster.openSessions()).isEqualTo(6);
            Await.until("idle readers evicted", () -> cluster.openSessions() == 2);
            DefaultDispatcherSession impl = (DefaultDispatcherSession) session;
            assertThat(impl.pool().idleCount(0)).isEqualTo(1);
            assertThat(session.stats().qesDestroyed()).isEqualTo(4);
        }
    }

    @Test
    void idleReadersBeyondTheThresholdAreClosed() {
        try (DispatcherSession session = openSession(FAST.with("gp_cached_gang_threshold", "1"))) {
            run(session, TestPlans.readerPlan(4, 2));
            DefaultDispatcherSession impl = (DefaultDispatcherSession) session;
            // The writer plus one cached reader per segment.
            assertThat(impl.pool().idleCount(0)).isEqualTo(2);
            assertThat(session.stats().qesDestroyed()).isEqualTo(4);
            Await.until("surplus QEs closed", () -> cluster.openSessions() == 4);
        }
    }
}
