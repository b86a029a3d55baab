package io.gangway.tck.dispatch;

import static io.gangway.tck.dispatch.TestingDispatcherBehavior.SUPPORTS_ABORT_OPEN_STATEMENTS;
import static io.gangway.tck.dispatch.TestingDispatcherBehavior.SUPPORTS_COMPONENT_REFRESH;
import static io.gangway.tck.dispatch.TestingDispatcherBehavior.SUPPORTS_CURSOR_GANGS;
import static io.gangway.tck.dispatch.TestingDispatcherBehavior.SUPPORTS_DETAILED_STATS;
import static io.gangway.tck.dispatch.TestingDispatcherBehavior.SUPPORTS_DTX;
import static io.gangway.tck.dispatch.TestingDispatcherBehavior.SUPPORTS_POOLING_OFF;
import static io.gangway.tck.dispatch.TestingDispatcherBehavior.SUPPORTS_QE_REUSE;
import static io.gangway.tck.dispatch.TestingDispatcherBehavior.SUPPORTS_QE_VIEW;
import static io.gangway.tck.dispatch.TestingDispatcherBehavior.SUPPORTS_STATEMENT_TIMEOUT;
import static io.gangway.tck.dispatch.TestingDispatcherBehavior.SUPPORTS_WRITER_LOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.dispatch.DispatchOptions;
import io.gangway.spi.dispatch.DispatchRequest;
import io.gangway.spi.dispatch.DispatchRequest.ExecuteSlice;
import io.gangway.spi.dispatch.DispatchStats;
import io.gangway.spi.dispatch.DispatchStats.DestroyReason;
import io.gangway.spi.dispatch.DispatchedStatement;
import io.gangway.spi.dispatch.DispatcherSession;
import io.gangway.spi.dispatch.QeInfo;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.dispatch.QeStartup;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.tck.dispatch.FakeQeService.FakeQeSession;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link io.gangway.spi.dispatch.Dispatcher} and its sessions: every entry point
 * of {@link DispatcherSession} and {@link DispatchedStatement}, checked against fake QEs
 * ({@link FakeQeService}) that the implementation reaches through its own dispatch servers.
 *
 * <p>An implementation's test extends this class, supplies {@link #createDispatcher()} and
 * {@link #createDispatchServer()}, and overrides {@link #hasBehavior} for what it lacks.
 */
public abstract class DispatcherContractTest extends DispatchContractSupport {
    private static final long CURSOR_COMMAND = 7;

    private boolean reuses() {
        return hasBehavior(SUPPORTS_QE_REUSE);
    }

    /** Without reuse: no QE was destroyed for an error (forced, broken), only closed after its statement. */
    private void noQeDestroyedForAnError(DispatcherSession session) {
        if (reasonsKept()) {
            assertThat(destroyed(session, DestroyReason.FORCED)).isZero();
            assertThat(destroyed(session, DestroyReason.BROKEN)).isZero();
        }
    }

    private static Endpoint interconnectOf(FakeQeService service) {
        return service.interconnectEndpoint();
    }

    private void everyQeBlocksUntilStopped() {
        segmentsBehave((qe, request) -> request instanceof ExecuteSlice ? qe.blockUntilStopped() : QeResult.success(qe.content(), 0));
    }

    private void awaitRunning(int qes) {
        await(qes + " QEs running", () -> segmentQes().stream().filter(qe -> !qe.requests().isEmpty()).count() >= qes);
    }

    @Test
    void dispatchPlanSendsEveryQeItsSliceAndTheSliceTable() {
        PlannedStatement plan = DispatchPlans.readerPlan(2, ALL);
        DispatcherSession session = openSession(Map.of("work_mem", "8MB"));
        List<QeResult> results;
        try (DispatchedStatement statement = session.dispatchPlan(plan, 42, COORDINATOR)) {
            assertThat(statement.sliceTable().membersOf(0)).containsExactly(COORDINATOR);
            List<Endpoint> segmentEndpoints = cluster.segments().stream().map(DispatcherContractTest::interconnectOf).toList();
            assertThat(statement.sliceTable().membersOf(1)).containsExactlyElementsOf(segmentEndpoints);
            assertThat(statement.sliceTable().membersOf(2)).containsExactlyElementsOf(segmentEndpoints);
            results = statement.awaitResults();
        }
        assertThat(results).hasSize(4).allMatch(QeResult::isSuccess);
        for (FakeQeService service : cluster.segments()) {
            assertThat(service.sessions()).hasSize(2);
            Set<Integer> slices = new HashSet<>();
            for (FakeQeSession qe : service.sessions()) {
                assertThat(qe.startup().content()).isEqualTo(service.content());
                assertThat(qe.startup().settings()).containsEntry("work_mem", "8MB");
                assertThat(qe.requests()).hasSize(1);
                ExecuteSlice request = (ExecuteSlice) qe.requests().getFirst();
                assertThat(request.plan()).isEqualTo(plan);
                assertThat(request.commandId()).isEqualTo(42);
                assertThat(request.memberIndex()).isEqualTo(service.content());
                assertThat(request.sliceTable()).isEqualTo(new io.gangway.spi.dispatch.SliceTable(Map.of(
                        0, List.of(COORDINATOR),
                        1, cluster.segments().stream().map(DispatcherContractTest::interconnectOf).toList(),
                        2, cluster.segments().stream().map(DispatcherContractTest::interconnectOf).toList())));
                slices.add(request.sliceId());
            }
            assertThat(slices).containsExactlyInAnyOrder(1, 2);
            assertThat(service.startups()).extracting(QeStartup::sessionId).containsOnly(service.startups().getFirst().sessionId());
        }
        assertThat(cluster.service(-1).startups()).as("no entry-db slice, no entry-db QE").isEmpty();
    }

    @Test
    void awaitResultsWaitsForEveryQe() throws Exception {
        CountDownLatch releaseSeg1 = new CountDownLatch(1);
        segmentsBehave((qe, request) -> {
            if (qe.content() == 1) {
                releaseSeg1.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            return QeResult.success(qe.content(), 3);
        });
        DispatcherSession session = openSession();
        try (DispatchedStatement statement = session.dispatchPlan(DispatchPlans.readerPlan(1, ALL), 1, COORDINATOR)) {
            CompletableFuture<List<QeResult>> results = CompletableFuture.supplyAsync(statement::awaitResults);
            awaitRunning(2);
            assertThat(results).as("seg1 has not reported").isNotDone();
            releaseSeg1.countDown();
            assertThat(results.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .containsExactly(QeResult.success(0, 3), QeResult.success(1, 3));
        }
    }

    @Test
    void theFirstErrorCancelsTheOtherQesAndTheQesOwnErrorWinsOverTheInterconnectErrorItCaused() {
        // Every QE but the interconnect-error one is running before that error is sent, so none is
        // answered "cancelled before it started"; the real error is sent only after the QD has
        // reacted to the interconnect error (its cancel reached that QE), so it truly comes second.
        CountDownLatch othersRunning = new CountDownLatch(3);
        segmentsBehave((qe, request) -> {
            int slice = ((ExecuteSlice) request).sliceId();
            if (qe.content() == 0 && slice == 1) {
                othersRunning.countDown();
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (qe.cancels() == 0 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                return QeResult.failure(0, new SqlException(SqlState.DIVISION_BY_ZERO, "division by zero"));
            }
            if (qe.content() == 1 && slice == 2) {
                // An interconnect error that comes first must not hide the real one.
                othersRunning.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                return QeResult.failure(1, new SqlException(SqlState.GP_INTERCONNECTION_ERROR,
                        "interconnect error: receiver went away"));
            }
            othersRunning.countDown();
            return qe.blockUntilStopped();
        });
        DispatcherSession session = openSession();
        try (DispatchedStatement statement = session.dispatchPlan(DispatchPlans.readerPlan(2, ALL), 1, COORDINATOR)) {
            assertThatThrownBy(statement::awaitResults).isInstanceOfSatisfying(SqlException.class, e -> {
                assertThat(e.state()).isEqualTo(SqlState.DIVISION_BY_ZERO);
                assertThat(e.getMessage()).startsWith("division by zero");
            });
            // The first error (which may be the interconnect one) cancels every QE still running.
            assertThat(segmentQes()).filteredOn(qe -> blocked(qe)).as("the QEs still running").hasSize(2)
                    .allMatch(qe -> qe.cancels() > 0);
        }
        segmentsBehave((qe, request) -> QeResult.success(qe.content(), 2));
        assertThat(run(session, DispatchPlans.readerPlan(1, ALL))).extracting(QeResult::rowsProcessed).containsExactly(2L, 2L);
    }

    /** A QE whose slice ran until cancelled (neither seg0's slice 1 nor seg1's slice 2 in the error test). */
    private static boolean blocked(FakeQeSession qe) {
        int slice = ((ExecuteSlice) qe.requests().getFirst()).sliceId();
        return qe.content() == 0 ? slice == 2 : slice == 1;
    }

    @Test
    void aCancelFromAnotherThreadReachesEveryQe() throws Exception {
        everyQeBlocksUntilStopped();
        DispatcherSession session = openSession();
        try (DispatchedStatement statement = session.dispatchPlan(DispatchPlans.readerPlan(2, ALL), 1, COORDINATOR)) {
            CompletableFuture<List<QeResult>> waiting = CompletableFuture.supplyAsync(statement::awaitResults);
            awaitRunning(4);
            statement.cancel();
            assertThatThrownBy(() -> waiting.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SqlException.class)
                    .satisfies(e -> assertThat(((SqlException) e.getCause()).state()).isEqualTo(SqlState.QUERY_CANCELED));
            assertThat(segmentQes()).hasSize(4).allMatch(qe -> qe.cancels() > 0);
        }
    }

    @Test
    void finishStopsEveryQeGracefullyAndKeepsTheGang() {
        everyQeBlocksUntilStopped();
        DispatcherSession session = openSession();
        try (DispatchedStatement statement = session.dispatchPlan(DispatchPlans.readerPlan(1, ALL), 1, COORDINATOR)) {
            awaitRunning(2);
            statement.finish();
            assertThat(statement.awaitResults()).containsExactly(QeResult.success(0, 5), QeResult.success(1, 5));
        }
        assertThat(segmentQes()).allMatch(qe -> qe.finishes() > 0 && qe.cancels() == 0);
        if (!reuses()) {
            noQeDestroyedForAnError(session);
            return;
        }
        assertThat(session.stats().qesDestroyed()).isZero();
        long created = session.stats().qesCreated();
        segmentsBehave((qe, request) -> QeResult.success(qe.content(), 1));
        run(session, DispatchPlans.readerPlan(1, ALL));
        assertThat(session.stats().qesCreated()).as("the gang is reused").isEqualTo(created);
    }

    @Test
    void statementTimeoutCancelsEveryQe() {
        assumeTrue(hasBehavior(SUPPORTS_STATEMENT_TIMEOUT), "statement_timeout");
        everyQeBlocksUntilStopped();
        DispatcherSession session = openSession(Map.of("statement_timeout", "200ms"));
        long started = System.nanoTime();
        try (DispatchedStatement statement = session.dispatchPlan(DispatchPlans.readerPlan(1, ALL), 1, COORDINATOR)) {
            assertThatThrownBy(statement::awaitResults).isInstanceOfSatisfying(SqlException.class, e -> {
                assertThat(e.state()).isEqualTo(SqlState.QUERY_CANCELED);
                assertThat(e.getMessage()).isEqualTo("canceling statement due to statement timeout");
            });
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200))
                .isLessThan(WAIT);
        assertThat(segmentQes()).hasSize(2).allMatch(qe -> qe.cancels() > 0);
    }

    @Test
    void aUtilityStatementGoesToTheWriterOfEverySegment() {
        DispatcherSession session = openSession();
        run(session, DispatchPlans.readerPlan(2, ALL));
        DispatchRequest create = new DispatchRequest.Utility(new DispatchRequest.UtilityCommand.CreateTable(DispatchPlans.ORDERS));
        assertThat(session.dispatchToWriters(create)).containsExactly(QeResult.success(0, 1), QeResult.success(1, 1));
        for (FakeQeService service : cluster.segments()) {
            assertThat(service.writers()).hasSize(reuses() ? 1 : 2);
            assertThat(service.writers().getLast().requests()).last().isEqualTo(create);
            assertThat(service.sessions()).filteredOn(qe -> !qe.startup().writer())
                    .allSatisfy(qe -> assertThat(qe.requests()).doesNotContain(create));
        }
        assertThat(cluster.service(-1).startups()).as("the entry db has no writer").isEmpty();
        cluster.service(1).behave((qe, request) -> QeResult.failure(1,
                new SqlException(SqlState.DUPLICATE_TABLE, "relation \"orders\" already exists")));
        assertThatThrownBy(() -> session.dispatchToWriters(create)).isInstanceOfSatisfying(SqlException.class, e -> {
            assertThat(e.state()).isEqualTo(SqlState.DUPLICATE_TABLE);
            assertThat(e.getMessage()).startsWith("relation \"orders\" already exists");
        });
        if (reuses()) {
            assertThat(session.stats().qesDestroyed()).as("a QE that reported an error stays usable").isZero();
        } else {
            noQeDestroyedForAnError(session);
        }
    }

    @Test
    void plainSqlTextGoesToTheWriterOfEverySegment() {
        DispatcherSession session = openSession();
        assertThat(session.dispatchSql("VACUUM orders")).hasSize(SEGMENTS).allMatch(QeResult::isSuccess);
        for (FakeQeService service : cluster.segments()) {
            assertThat(service.sessions()).hasSize(1);
            assertThat(service.writers().getFirst().requests()).containsExactly(new DispatchRequest.SqlText("VACUUM orders"));
        }
    }

    @Test
    void setReachesEveryLiveQeIdleReadersIncludedAndNewQesStartWithIt() {
        DispatcherSession session = openSession();
        run(session, DispatchPlans.readerPlan(2, ALL));
        session.applySettings(Map.of("work_mem", "1MB"));
        DispatchRequest set = new DispatchRequest.SetSettings(Map.of("work_mem", "1MB"));
        if (reuses()) {
            assertThat(segmentQes()).hasSize(4).allSatisfy(qe -> assertThat(qe.requests()).last().isEqualTo(set));
        } else {
            await("every QE of the statement closed", () -> segmentQes().stream().allMatch(FakeQeSession::isClosed));
            assertThat(segmentQes()).as("none was live to tell").hasSize(4).allSatisfy(qe -> assertThat(qe.requests()).doesNotContain(set));
        }
        run(session, DispatchPlans.readerPlan(3, ALL));
        if (reuses()) {
            assertThat(session.stats().qesDestroyed()).isZero();
        } else {
            noQeDestroyedForAnError(session);
        }
        for (FakeQeService service : cluster.segments()) {
            assertThat(service.startups()).hasSize(reuses() ? 3 : 5);
            assertThat(service.startups().getLast().settings()).containsEntry("work_mem", "1MB");
        }
    }

    @Test
    void cursorGangsAreReadersOnlyAndLeaveTheWriterFree() {
        PlannedStatement select = DispatchPlans.readerPlan(1, ALL);
        DispatchOptions cursor = DispatchOptions.DEFAULT.withCursor(true);
        DispatcherSession session = openSession();
        if (!hasBehavior(SUPPORTS_CURSOR_GANGS)) {
            assertThatThrownBy(() -> session.dispatchPlan(select, CURSOR_COMMAND, COORDINATOR, cursor))
                    .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
            return;
        }
        segmentsBehave((qe, request) -> request instanceof ExecuteSlice slice && slice.commandId() == CURSOR_COMMAND
                ? qe.blockUntilStopped() : QeResult.success(qe.content(), 1));
        try (DispatchedStatement open = session.dispatchPlan(select, CURSOR_COMMAND, COORDINATOR, cursor)) {
            awaitRunning(2);
            assertThat(segmentQes()).filteredOn(qe -> !qe.requests().isEmpty())
                    .as("the cursor's QEs").hasSize(2).noneMatch(qe -> qe.startup().writer());
            // The writers were made first and stay free for the session's writes while the cursor is open.
            assertThat(run(session, DispatchPlans.insertPlan(ALL))).hasSize(4).allMatch(QeResult::isSuccess);
            for (FakeQeService service : cluster.segments()) {
                assertThat(service.writers()).hasSize(1);
                assertThat(service.writers().getFirst().requests()).singleElement()
                        .satisfies(r -> assertThat(((ExecuteSlice) r).sliceId()).isEqualTo(1));
            }
            assertThatThrownBy(() -> session.dispatchPlan(DispatchPlans.insertPlan(ALL), CURSOR_COMMAND, COORDINATOR, cursor))
                    .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
            open.finish();
            assertThat(open.awaitResults()).hasSize(2).allMatch(QeResult::isSuccess);
        }
    }

    @Test
    void aBusyCursorGangThatMissedASetIsDestroyedAtRecycle() {
        assumeTrue(hasBehavior(SUPPORTS_CURSOR_GANGS), "cursor gangs");
        segmentsBehave((qe, request) -> request instanceof ExecuteSlice slice && slice.commandId() == CURSOR_COMMAND
                ? qe.blockUntilStopped() : QeResult.success(qe.content(), 1));
        DispatcherSession session = openSession();
        DispatchRequest set = new DispatchRequest.SetSettings(Map.of("search_path", "s1"));
        List<FakeQeSession> cursorQes;
        try (DispatchedStatement open = session.dispatchPlan(DispatchPlans.readerPlan(1, ALL), CURSOR_COMMAND, COORDINATOR,
                DispatchOptions.DEFAULT.withCursor(true))) {
            awaitRunning(2);
            cursorQes = segmentQes().stream().filter(qe -> !qe.requests().isEmpty()).toList();
            session.applySettings(Map.of("search_path", "s1"));
            for (FakeQeService service : cluster.segments()) {
                assertThat(service.writers().getFirst().requests()).as("the idle writer got the SET").containsExactly(set);
            }
            assertThat(cursorQes).allSatisfy(qe -> assertThat(qe.requests()).doesNotContain(set));
            open.finish();
            assertThat(open.awaitResults()).allMatch(QeResult::isSuccess);
        }
        await("the cursor's QEs closed", () -> cursorQes.stream().allMatch(FakeQeSession::isClosed));
        if (!reuses()) {
            // The cursor's readers and the writers the SET went to: closed after their use, as always.
            assertThat(session.stats().qesDestroyed()).isEqualTo(4);
            assertThat(session.writerLost()).isFalse();
            return;
        }
        assertThat(session.stats().qesDestroyed()).isEqualTo(2);
        if (reasonsKept()) {
            assertThat(destroyed(session, DestroyReason.FORCED)).isEqualTo(2);
        }
        assertThat(session.writerLost()).isFalse();
    }

    @Test
    void dtxCommandsGoToTheWritersOfTheParticipantsOnly() {
        DispatcherSession session = openSession();
        DispatchRequest.Dtx prepare = new DispatchRequest.Dtx(DispatchRequest.DtxCommand.PREPARE, "gx-1");
        if (!hasBehavior(SUPPORTS_DTX)) {
            assertThatThrownBy(() -> session.dispatchDtx(prepare, List.of(1)))
                    .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
            return;
        }
        run(session, DispatchPlans.insertPlan(ALL));
        assertThat(session.dispatchDtx(prepare, List.of(1))).containsExactly(QeResult.success(1, 1));
        assertThat(cluster.service(1).writers()).filteredOn(w -> w.requests().contains(prepare)).singleElement()
                .satisfies(w -> assertThat(w.requests()).last().isEqualTo(prepare));
        assertThat(segmentQes()).filteredOn(qe -> qe.content() == 0 || !qe.startup().writer())
                .allSatisfy(qe -> assertThat(qe.requests()).doesNotContain(prepare));
        DispatchRequest.Dtx commit = new DispatchRequest.Dtx(DispatchRequest.DtxCommand.COMMIT_PREPARED, "gx-1");
        assertThat(session.dispatchDtx(commit, ALL)).containsExactly(QeResult.success(0, 1), QeResult.success(1, 1));
        if (reuses()) {
            assertThat(session.stats().qesCreated()).as("the writers were reused").isEqualTo(4);
        }
    }

    @Test
    void aDtxCommandIsNeverCancelledAndCollectsEveryAnswer() {
        assumeTrue(hasBehavior(SUPPORTS_DTX), "distributed transaction commands");
        cluster.service(0).behave((qe, request) -> QeResult.failure(0,
                new SqlException(SqlState.INTERNAL_ERROR, "could not prepare transaction")));
        cluster.service(1).behave((qe, request) -> {
            // Still running when seg0 fails, and longer than the statement timeout: neither may cancel it.
            boolean stopped = qe.awaitStop(Duration.ofMillis(400));
            return stopped ? QeResult.failure(1, new SqlException(SqlState.QUERY_CANCELED, "cancelled"))
                    : QeResult.success(1, 1);
        });
        DispatcherSession session = openSession(Map.of("statement_timeout", "100ms"));
        List<QeResult> results = session.dispatchDtx(
                new DispatchRequest.Dtx(DispatchRequest.DtxCommand.ABORT_PREPARED, "gx-2"), ALL);
        assertThat(results).hasSize(2);
        assertThat(results.get(0).isSuccess()).isFalse();
        assertThat(results.get(0).error().orElseThrow().message()).startsWith("could not prepare transaction");
        assertThat(results.get(1)).isEqualTo(QeResult.success(1, 1));
        assertThat(segmentQes()).allMatch(qe -> qe.cancels() == 0);
    }

    @Test
    void directDispatchUsesOnlyTheSegmentsTheRowsLiveOn() {
        DispatcherSession session = openSession();
        assertThat(run(session, DispatchPlans.insertPlan(List.of(1)))).hasSize(2).allMatch(r -> r.content() == 1);
        assertThat(run(session, DispatchPlans.readerPlan(1, List.of(1)))).hasSize(1);
        assertThat(cluster.service(0).startups()).isEmpty();
        assertThat(cluster.service(1).writers()).hasSize(reuses() ? 1 : 2);
    }

    @Test
    void anEntryDbSliceRunsOnAReaderOfTheEntryDb() {
        DispatcherSession session = openSession();
        assertThat(run(session, DispatchPlans.entryDbPlan(ALL))).hasSize(3).allMatch(QeResult::isSuccess);
        assertThat(run(session, DispatchPlans.entryDbPlan(ALL))).hasSize(3);
        FakeQeService entryDb = cluster.service(-1);
        if (!reuses()) {
            assertThat(entryDb.startups()).as("made for each statement").hasSize(2).noneMatch(QeStartup::writer)
                    .allMatch(startup -> startup.content() == -1);
            return;
        }
        assertThat(entryDb.startups()).as("made once, then reused").singleElement().satisfies(startup -> {
            assertThat(startup.content()).isEqualTo(-1);
            assertThat(startup.writer()).isFalse();
        });
        assertThat(entryDb.sessions().getFirst().requests()).hasSize(2)
                .allSatisfy(r -> assertThat(((ExecuteSlice) r).sliceId()).isEqualTo(1));
    }

    @Test
    void abortingOpenStatementsCleansUpTheirDispatcherState() {
        assumeTrue(hasBehavior(SUPPORTS_ABORT_OPEN_STATEMENTS), "abortOpenStatements");
        everyQeBlocksUntilStopped();
        DispatcherSession session = openSession();
        DispatchedStatement statement = session.dispatchPlan(DispatchPlans.readerPlan(2, ALL), 1, COORDINATOR);
        awaitRunning(4);
        session.abortOpenStatements();
        assertThat(segmentQes()).allMatch(qe -> qe.cancels() > 0 || qe.isClosed());
        statement.close();
        segmentsBehave((qe, request) -> QeResult.success(qe.content(), 1));
        assertThat(run(session, DispatchPlans.insertPlan(ALL))).hasSize(4).allMatch(QeResult::isSuccess);
    }

    @Test
    void closingTheSessionCancelsWhatRunsAndClosesEveryQe() {
        DispatcherSession session = openSession();
        run(session, DispatchPlans.readerPlan(2, ALL));
        run(session, DispatchPlans.entryDbPlan(ALL));
        everyQeBlocksUntilStopped();
        session.dispatchPlan(DispatchPlans.readerPlan(1, ALL), 1, COORDINATOR);
        awaitRunning(2);
        session.close();
        await("every QE closed", () -> cluster.openSessions() == 0);
        assertThat(segmentQes()).allMatch(FakeQeSession::isClosed);
        DispatchStats stats = session.stats();
        assertThat(stats.qesDestroyed()).isEqualTo(stats.qesCreated());
    }

    @Test
    void losingAWriterIsReported() {
        assumeTrue(hasBehavior(SUPPORTS_WRITER_LOST), "writerLost");
        everyQeBlocksUntilStopped();
        DispatcherSession session = openSession();
        try (DispatchedStatement statement = session.dispatchPlan(DispatchPlans.insertPlan(ALL), 1, COORDINATOR)) {
            awaitRunning(4);
            assertThat(session.writerLost()).isFalse();
            cluster.restart(0);
            assertThatThrownBy(statement::awaitResults).isInstanceOfSatisfying(SqlException.class,
                    e -> assertThat(e.state()).isEqualTo(SqlState.CONNECTION_FAILURE));
        }
        assertThat(session.writerLost()).isTrue();
    }

    @Test
    void qesListsEveryQeOfTheSession() {
        DispatcherSession session = openSession();
        run(session, DispatchPlans.readerPlan(2, ALL));
        if (!hasBehavior(SUPPORTS_QE_VIEW)) {
            assertThat(session.qes()).isEmpty();
            return;
        }
        List<QeInfo> idle = session.qes();
        if (!reuses()) {
            assertThat(idle).as("no QE outlives its statement").isEmpty();
        } else {
            assertIdleView(idle);
        }
        everyQeBlocksUntilStopped();
        try (DispatchedStatement statement = session.dispatchPlan(DispatchPlans.readerPlan(1, ALL), 1, COORDINATOR)) {
            List<QeInfo> busy = session.qes().stream().filter(qe -> qe.state() == QeInfo.State.BUSY).toList();
            assertThat(busy).hasSize(2).allSatisfy(qe -> {
                assertThat(qe.gangId()).isPresent();
                assertThat(qe.idleSince()).isEmpty();
            });
            assertThat(busy).extracting(qe -> qe.gangId().getAsInt()).containsOnly(busy.getFirst().gangId().getAsInt());
            statement.finish();
            statement.awaitResults();
        }
        if (reuses()) {
            assertThat(session.qes()).hasSize(4).allMatch(qe -> qe.state() == QeInfo.State.IDLE);
        } else {
            assertThat(session.qes()).isEmpty();
        }
    }

    private static void assertIdleView(List<QeInfo> idle) {
        assertThat(idle).hasSize(4).allSatisfy(qe -> {
            assertThat(qe.state()).isEqualTo(QeInfo.State.IDLE);
            assertThat(qe.state().label()).isEqualTo("idle");
            assertThat(qe.idleSince()).isPresent();
            assertThat(qe.gangId()).isEmpty();
        });
        assertThat(idle).filteredOn(QeInfo::writer).extracting(QeInfo::content).containsExactlyInAnyOrder(0, 1);
        assertThat(idle).extracting(QeInfo::identifier).doesNotHaveDuplicates();
    }

    @Test
    void statsCountQesMadeReusedAndDestroyedAndGangCreationTime() {
        DispatcherSession session = openSession();
        run(session, DispatchPlans.readerPlan(2, ALL));
        DispatchStats first = session.stats();
        assertThat(first.qesCreated()).isEqualTo(4);
        assertThat(first.qesReused()).isZero();
        run(session, DispatchPlans.readerPlan(2, ALL));
        DispatchStats second = session.stats();
        if (!reuses()) {
            assertThat(second.qesCreated()).isEqualTo(8);
            assertThat(second.qesReused()).isZero();
            assertThat(second.qesDestroyed()).isEqualTo(8);
            return;
        }
        assertThat(second.qesCreated()).isEqualTo(4);
        assertThat(second.qesReused()).isEqualTo(4);
        assertThat(second.qesDestroyed()).isZero();
        if (hasBehavior(SUPPORTS_DETAILED_STATS)) {
            assertThat(second.gangsCreated()).isPositive();
            assertThat(second.gangCreationTime()).isPositive();
            assertThat(second.gangsCreated()).as("the second statement made no gang").isEqualTo(first.gangsCreated());
        }
    }

    @Test
    void componentDatabasesAreRefreshedOnlyWhenSafe() {
        DispatcherSession session = openSession();
        run(session, DispatchPlans.readerPlan(1, ALL));
        if (!hasBehavior(SUPPORTS_COMPONENT_REFRESH)) {
            assertThat(session.refreshComponents(true)).isFalse();
            return;
        }
        assertThat(session.refreshComponents(true)).as("nothing changed").isFalse();
        cluster.relocate(0);
        await("seg0's writer connection dropped", () -> cluster.service(0).openSessions() == 0);
        assertThatThrownBy(() -> run(session, DispatchPlans.readerPlan(1, ALL)))
                .as("the session's snapshot still names seg0's old port")
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.GP_SEGMENT_RESOURCES));
        assertThat(session.refreshComponents(false)).as("not safe: temp tables or a dispatched transaction").isFalse();
        assertThat(session.refreshComponents(true)).isTrue();
        assertThat(run(session, DispatchPlans.readerPlan(1, ALL))).hasSize(2).allMatch(QeResult::isSuccess);
    }

    @Test
    void withPoolingOffEveryQeIsClosedAfterEachStatement() {
        // A pool that never reuses behaves so whatever the setting says.
        assumeTrue(hasBehavior(SUPPORTS_POOLING_OFF) || !reuses(), "gp_dispatch_pooling");
        DispatcherSession session = openSession(Map.of("gp_dispatch_pooling", "off"));
        run(session, DispatchPlans.readerPlan(2, ALL));
        await("every QE closed", () -> cluster.openSessions() == 0);
        run(session, DispatchPlans.insertPlan(ALL));
        DispatchStats stats = session.stats();
        assertThat(stats.qesCreated()).isEqualTo(8);
        assertThat(stats.qesDestroyed()).isEqualTo(8);
        assertThat(stats.qesReused()).isZero();
        if (reasonsKept()) {
            assertThat(destroyed(session, DestroyReason.POOLING_DISABLED)).isEqualTo(8);
        }
        for (FakeQeService service : cluster.segments()) {
            assertThat(service.writers()).as("each statement makes its writer anew").hasSize(2);
        }
        assertThat(session.writerLost()).isFalse();
    }
}
