package io.gangway.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.dispatcher.qe.NettyDispatchServer;
import io.gangway.spi.dispatch.DispatchRequest;
import io.gangway.spi.dispatch.DispatchRequest.ExecuteSlice;
import io.gangway.spi.dispatch.DispatchStats.DestroyReason;
import io.gangway.spi.dispatch.DispatchedStatement;
import io.gangway.spi.dispatch.DispatcherSession;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.tck.dispatch.DispatchPlans;
import io.gangway.tck.dispatch.FakeCluster;
import io.gangway.tck.dispatch.FakeQeService;
import io.gangway.tck.util.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the default dispatcher does beyond the contract: Greenplum-style error text, state bookkeeping, many sessions. */
class DefaultDispatcherTest {
    private static final Endpoint COORDINATOR = new Endpoint("127.0.0.1", 5999);
    private static final List<Integer> ALL = List.of(0, 1);
    private static final Settings FAST = new Settings(Map.of(
            "gp_gang_creation_retry_count", "2",
            "gp_gang_creation_retry_timer", "20ms",
            "dispatch_connect_timeout", "3s"));

    private final AtomicLong sessionIds = new AtomicLong();
    private FakeCluster cluster;
    private DefaultDispatcher dispatcher;

    @BeforeEach
    void start() {
        cluster = new FakeCluster(2, () -> new NettyDispatchServer(1));
        dispatcher = new DefaultDispatcher(DispatcherConfig.DEFAULT, 2);
    }

    @AfterEach
    void stop() {
        dispatcher.close();
        cluster.close();
    }

    private DefaultDispatcherSession openSession(Settings settings) {
        return (DefaultDispatcherSession) dispatcher.openSession(sessionIds.incrementAndGet(), cluster.components(), settings);
    }

    private static List<QeResult> run(DispatcherSession session, PlannedStatement plan) {
        try (DispatchedStatement statement = session.dispatchPlan(plan, 1, COORDINATOR)) {
            return statement.awaitResults();
        }
    }

    @Test
    void aQesErrorNamesTheQeAsGreenplumDoes() {
        cluster.service(0).behave((qe, request) -> QeResult.failure(0, new SqlException(SqlState.DIVISION_BY_ZERO, "division by zero")));
        try (DefaultDispatcherSession session = openSession(FAST)) {
            assertThatThrownBy(() -> run(session, DispatchPlans.readerPlan(1, ALL)))
                    .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.getMessage())
                            .startsWith("division by zero  (seg0 slice1 127.0.0.1:" + cluster.port(0) + " pid="));
        }
    }

    @Test
    void aDeadSegmentsDetailNamesItsAddress() {
        cluster.stop(1);
        try (DefaultDispatcherSession session = openSession(FAST)) {
            assertThatThrownBy(() -> run(session, DispatchPlans.readerPlan(1, ALL)))
                    .isInstanceOfSatisfying(SqlException.class, e -> {
                        assertThat(e.state()).isEqualTo(SqlState.GP_SEGMENT_RESOURCES);
                        assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d)
                                .startsWith("connection refused: 127.0.0.1:" + cluster.port(1) + " (seg1)"));
                    });
        }
    }

    @Test
    void everyDispatcherStateIsDestroyedOnceItsStatementEnds() {
        try (DefaultDispatcherSession session = openSession(FAST)) {
            run(session, DispatchPlans.insertPlan(ALL));
            session.dispatchToWriters(new DispatchRequest.SqlText("ANALYZE"));
            session.applySettings(Map.of("work_mem", "2MB"));
            cluster.service(1).refuseStartups(100);
            assertThatThrownBy(() -> run(session, DispatchPlans.readerPlan(3, ALL))).isInstanceOf(SqlException.class);
            assertThat(session.openStates()).isZero();
            cluster.service(1).refuseStartups(0);
            cluster.segments().forEach(s -> s.behave((qe, request) -> request instanceof ExecuteSlice
                    ? qe.blockUntilStopped() : QeResult.success(qe.content(), 0)));
            DispatchedStatement running = session.dispatchPlan(DispatchPlans.readerPlan(1, ALL), 2, COORDINATOR);
            assertThat(session.openStates()).isEqualTo(1);
            session.abortOpenStatements();
            assertThat(session.openStates()).isZero();
            running.close();
        }
    }

    @Test
    void aDroppedConnectionFailsTheStatementAtOnce() {
        cluster.segments().forEach(s -> s.behave((qe, request) -> qe.blockUntilStopped()));
        try (DefaultDispatcherSession session = openSession(FAST)) {
            DispatchedStatement statement = session.dispatchPlan(DispatchPlans.readerPlan(1, ALL), 1, COORDINATOR);
            Await.until("both QEs running", () -> cluster.segments().stream()
                    .allMatch(s -> s.sessions().stream().anyMatch(qe -> !qe.requests().isEmpty())));
            long started = System.nanoTime();
            cluster.restart(0);
            assertThatThrownBy(statement::awaitResults).isInstanceOfSatisfying(SqlException.class, e -> {
                assertThat(e.state()).isEqualTo(SqlState.CONNECTION_FAILURE);
                assertThat(e.getMessage()).contains("server closed the connection unexpectedly  (seg0 slice1");
            });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            statement.close();
            assertThat(session.stats().destroyed(DestroyReason.BROKEN)).isEqualTo(1);
            assertThat(session.writerLost()).isTrue();
        }
    }

    @Test
    void aSetOfADispatcherSettingChangesThePool() {
        try (DefaultDispatcherSession session = openSession(FAST)) {
            run(session, DispatchPlans.readerPlan(3, ALL));
            assertThat(session.pool().idleCount(0)).isEqualTo(3);
            session.applySettings(Map.of("gp_cached_gang_threshold", "0"));
            // The SET's own recycle already applies the new threshold.
            assertThat(session.pool().idleCount(0)).as("the writer only").isEqualTo(1);
            assertThat(session.stats().destroyed(DestroyReason.CACHE_THRESHOLD)).isEqualTo(4);
            run(session, DispatchPlans.readerPlan(3, ALL));
            assertThat(session.pool().idleCount(0)).isEqualTo(1);
            assertThat(session.stats().destroyed(DestroyReason.CACHE_THRESHOLD)).isEqualTo(8);
        }
    }

    @Test
    void manySessionsLeaveNoQeBehind() {
        for (int i = 0; i < 100; i++) {
            try (DispatcherSession session = openSession(FAST)) {
                if (i % 2 == 0) {
                    run(session, DispatchPlans.entryDbPlan(ALL));
                } else {
                    session.dispatchToWriters(new DispatchRequest.SetSettings(Map.of("search_path", "s" + i)));
                }
            }
        }
        Await.until("every QE session closed", () -> cluster.openSessions() == 0, Duration.ofSeconds(15));
        assertThat(dispatcher.openSessionCount()).isZero();
        for (FakeQeService service : cluster.segments()) {
            assertThat(service.sessions()).allMatch(FakeQeService.FakeQeSession::isClosed);
        }
    }
}
