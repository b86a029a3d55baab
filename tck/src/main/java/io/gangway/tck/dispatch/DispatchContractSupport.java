package io.gangway.tck.dispatch;

import static java.util.concurrent.TimeUnit.SECONDS;

import io.gangway.api.Settings;
import io.gangway.spi.dispatch.DispatchServer;
import io.gangway.spi.dispatch.DispatchStats;
import io.gangway.spi.dispatch.DispatchedStatement;
import io.gangway.spi.dispatch.Dispatcher;
import io.gangway.spi.dispatch.DispatcherSession;
import io.gangway.spi.dispatch.QeManagement;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.tck.util.Await;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * What both dispatcher contracts share: a {@link FakeCluster} of two segments and the entry db
 * behind the implementation's dispatch servers, the implementation's dispatcher, sessions opened
 * with quick gang-creation retries, and bounded waits. An implementation's test supplies
 * {@link #createDispatcher()} and {@link #createDispatchServer()}, and turns off with
 * {@link #hasBehavior} what it does not support.
 */
@Timeout(value = 30, unit = SECONDS)
public abstract class DispatchContractSupport {
    protected static final int SEGMENTS = 2;
    protected static final List<Integer> ALL = DispatchPlans.contents(SEGMENTS);
    protected static final Endpoint COORDINATOR = new Endpoint("127.0.0.1", 5999);
    protected static final Duration WAIT = Duration.ofSeconds(10);
    /** Settings every session of the contract starts with: gang creation retries quickly. */
    protected static final Map<String, String> FAST = Map.of(
            "gp_gang_creation_retry_count", "2",
            "gp_gang_creation_retry_timer", "20ms");

    private final AtomicLong sessionIds = new AtomicLong();
    private final List<DispatcherSession> sessions = new CopyOnWriteArrayList<>();
    protected FakeCluster cluster;
    protected Dispatcher dispatcher;

    /** Checks, before any test runs, that the declared behaviours are consistent ({@link TestingDispatcherBehavior#requires()}). */
    protected DispatchContractSupport() {
        for (TestingDispatcherBehavior behavior : TestingDispatcherBehavior.values()) {
            Optional<TestingDispatcherBehavior> required = behavior.requires();
            if (hasBehavior(behavior) && required.isPresent() && !hasBehavior(required.get())) {
                throw new IllegalStateException(behavior + " is declared but needs " + required.get() + ", which is not");
            }
        }
    }

    /** A new coordinator dispatcher, with its default configuration. */
    protected abstract Dispatcher createDispatcher();

    /** A new, unstarted dispatch server of the same implementation (one per fake segment). */
    protected abstract DispatchServer createDispatchServer();

    /** Whether the implementation has an optional behaviour; all are on unless overridden. */
    protected boolean hasBehavior(TestingDispatcherBehavior behavior) {
        return true;
    }

    @BeforeEach
    final void startCluster() {
        cluster = new FakeCluster(SEGMENTS, this::createDispatchServer);
        dispatcher = createDispatcher();
    }

    @AfterEach
    final void stopCluster() {
        try {
            for (DispatcherSession session : sessions) {
                session.close();
            }
            dispatcher.close();
        } finally {
            cluster.close();
        }
    }

    /** A session with {@link #FAST} settings, closed after the test. */
    protected DispatcherSession openSession() {
        return openSession(Map.of());
    }

    /** A session with {@link #FAST} settings under {@code settings}, closed after the test. */
    protected DispatcherSession openSession(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(FAST);
        all.putAll(settings);
        Optional<QeManagement> qes = qeManagement();
        DispatcherSession session = qes.isPresent()
                ? dispatcher.openSession(sessionIds.incrementAndGet(), cluster.components(), new Settings(all), qes.get())
                : dispatcher.openSession(sessionIds.incrementAndGet(), cluster.components(), new Settings(all));
        sessions.add(session);
        return session;
    }

    /**
     * The idle QE pool and gang manager factories sessions are opened with
     * ({@link Dispatcher#openSession(long, java.util.function.Supplier, Settings, QeManagement)});
     * empty (the default) to open them without, with the dispatcher's own.
     */
    protected Optional<QeManagement> qeManagement() {
        return Optional.empty();
    }

    /** Dispatches a plan, waits for every QE, recycles the gangs. */
    protected static List<QeResult> run(DispatcherSession session, PlannedStatement plan) {
        try (DispatchedStatement statement = session.dispatchPlan(plan, 1, COORDINATOR)) {
            return statement.awaitResults();
        }
    }

    /** Waits for a condition, failing after {@link #WAIT}. */
    protected static void await(String what, BooleanSupplier condition) {
        Await.until(what, condition, WAIT);
    }

    /** Every fake QE of the segments (not the entry db). */
    protected List<FakeQeService.FakeQeSession> segmentQes() {
        return cluster.segments().stream().flatMap(s -> s.sessions().stream()).toList();
    }

    /** Makes every segment's QEs answer as {@code behavior} says. */
    protected void segmentsBehave(FakeQeService.Behavior behavior) {
        cluster.segments().forEach(s -> s.behave(behavior));
    }

    /** QEs destroyed for {@code reason}, when the implementation tells reasons apart. */
    protected boolean reasonsKept() {
        return hasBehavior(TestingDispatcherBehavior.SUPPORTS_DETAILED_STATS);
    }

    protected static long destroyed(DispatcherSession session, DispatchStats.DestroyReason reason) {
        return session.stats().destroyed(reason);
    }
}
