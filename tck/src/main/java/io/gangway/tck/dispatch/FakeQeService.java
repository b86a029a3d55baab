package io.gangway.tck.dispatch;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.dispatch.DispatchRequest;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.dispatch.QeService;
import io.gangway.spi.dispatch.QeSession;
import io.gangway.spi.dispatch.QeStartup;
import io.gangway.spi.interconnect.Endpoint;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A segment's executing side, in memory: records every QE started and every request, and answers
 * as {@link #behavior} says (success with one row by default). Stands in for the engine at the
 * dispatcher module's edge; the implementation under test reaches it through its own transport.
 */
public final class FakeQeService implements QeService {
    /** How a fake QE answers a request (on the QE's request thread). */
    @FunctionalInterface
    public interface Behavior {
        QeResult execute(FakeQeSession session, DispatchRequest request) throws InterruptedException;
    }

    /** What a startup does before the QE exists (on the thread the dispatch server opens QEs on). */
    @FunctionalInterface
    public interface StartupHook {
        void beforeOpen(QeStartup startup) throws InterruptedException;
    }

    private final int content;
    private final List<QeStartup> startups = new CopyOnWriteArrayList<>();
    private final List<FakeQeSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseStartups = new AtomicInteger();
    private volatile Behavior behavior;
    private volatile StartupHook startupHook = startup -> { };

    public FakeQeService(int content) {
        this.content = content;
        this.behavior = (session, request) -> QeResult.success(content, 1);
    }

    public int content() {
        return content;
    }

    /** Every startup asked for, refused ones included, in arrival order. */
    public List<QeStartup> startups() {
        return List.copyOf(startups);
    }

    /** Every QE started, in order. */
    public List<FakeQeSession> sessions() {
        return List.copyOf(sessions);
    }

    /** The session's writer QEs (the contract expects at most one per QD session). */
    public List<FakeQeSession> writers() {
        return sessions.stream().filter(s -> s.startup().writer()).toList();
    }

    /** QEs not closed yet. */
    public long openSessions() {
        return sessions.stream().filter(s -> !s.isClosed()).count();
    }

    public void behave(Behavior newBehavior) {
        behavior = newBehavior;
    }

    public void onStartup(StartupHook hook) {
        startupHook = hook;
    }

    /** The next {@code count} startups are refused with {@code 57P03} (the segment is starting up). */
    public void refuseStartups(int count) {
        refuseStartups.set(count);
    }

    @Override
    public Endpoint interconnectEndpoint() {
        return new Endpoint("127.0.0.1", 40_000 + content + 1);
    }

    @Override
    public QeSession open(QeStartup startup) {
        startups.add(startup);
        if (refuseStartups.getAndDecrement() > 0) {
            throw new SqlException(SqlState.CANNOT_CONNECT_NOW, "the database system is starting up");
        }
        try {
            startupHook.beforeOpen(startup);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SqlException(SqlState.ADMIN_SHUTDOWN, "interrupted while starting a QE", e);
        }
        FakeQeSession session = new FakeQeSession(this, startup);
        sessions.add(session);
        return session;
    }

    QeResult run(FakeQeSession session, DispatchRequest request) throws InterruptedException {
        return behavior.execute(session, request);
    }

    /** One fake QE. */
    public static final class FakeQeSession implements QeSession {
        private final FakeQeService service;
        private final QeStartup startup;
        private final List<DispatchRequest> requests = new CopyOnWriteArrayList<>();
        private final AtomicInteger cancels = new AtomicInteger();
        private final AtomicInteger finishes = new AtomicInteger();
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile CountDownLatch stop = new CountDownLatch(1);
        private volatile boolean finishRequested;

        FakeQeSession(FakeQeService service, QeStartup startup) {
            this.service = service;
            this.startup = startup;
        }

        public QeStartup startup() {
            return startup;
        }

        public int content() {
            return service.content;
        }

        public List<DispatchRequest> requests() {
            return List.copyOf(requests);
        }

        public int cancels() {
            return cancels.get();
        }

        public int finishes() {
            return finishes.get();
        }

        public boolean isClosed() {
            return closed.get();
        }

        @Override
        public QeResult execute(DispatchRequest request) {
            requests.add(request);
            try {
                return service.run(this, request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return QeResult.failure(service.content, new SqlException(SqlState.QUERY_CANCELED, "interrupted"));
            }
        }

        /**
         * Runs like a long slice until the QD cancels it (reports {@code 57014}) or finishes it
         * (reports success with 5 rows); gives up with an error after 15 s.
         */
        public QeResult blockUntilStopped() throws InterruptedException {
            if (!stop.await(15, TimeUnit.SECONDS)) {
                return QeResult.failure(service.content, new SqlException(SqlState.INTERNAL_ERROR, "never cancelled"));
            }
            stop = new CountDownLatch(1);
            if (finishRequested) {
                finishRequested = false;
                return QeResult.success(service.content, 5);
            }
            return QeResult.failure(service.content,
                    new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request"));
        }

        /**
         * Waits up to {@code limit} for a cancel or finish; true if one came. For checking that
         * something does <em>not</em> get cancelled, so it waits out its limit when all is well.
         */
        public boolean awaitStop(java.time.Duration limit) throws InterruptedException {
            boolean stopped = stop.await(limit.toNanos(), TimeUnit.NANOSECONDS);
            if (stopped) {
                stop = new CountDownLatch(1);
            }
            return stopped;
        }

        @Override
        public void cancel(boolean finish) {
            if (finish) {
                finishes.incrementAndGet();
            } else {
                cancels.incrementAndGet();
            }
            finishRequested = finish;
            stop.countDown();
        }

        @Override
        public void close() {
            closed.set(true);
            stop.countDown();
        }

        @Override
        public String toString() {
            return "fake QE " + startup.identifier() + " on seg" + service.content + (startup.writer() ? " (writer)" : "");
        }
    }
}
