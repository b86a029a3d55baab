package io.gangway.dispatcher;

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

/** A segment's executing side for tests: records what QEs were asked, answers as {@link #behavior} says. */
final class FakeQeService implements QeService {
    /** How a fake QE answers a request. */
    @FunctionalInterface
    interface Behavior {
        QeResult execute(FakeQeSession session, DispatchRequest request) throws InterruptedException;
    }

    final int content;
    final List<QeStartup> startups = new CopyOnWriteArrayList<>();
    final List<FakeQeSession> sessions = new CopyOnWriteArrayList<>();
    final AtomicInteger refuseStartups = new AtomicInteger();
    volatile Behavior behavior;

    FakeQeService(int content) {
        this.content = content;
        this.behavior = (session, request) -> QeResult.success(content, 1);
    }

    @Override
    public Endpoint interconnectEndpoint() {
        return new Endpoint("127.0.0.1", 50_000 + content);
    }

    @Override
    public QeSession open(QeStartup startup) {
        startups.add(startup);
        if (refuseStartups.getAndDecrement() > 0) {
            throw new SqlException(SqlState.CANNOT_CONNECT_NOW, "the database system is starting up");
        }
        FakeQeSession session = new FakeQeSession(this, startup);
        sessions.add(session);
        return session;
    }

    /** One fake QE. */
    static final class FakeQeSession implements QeSession {
        final FakeQeService service;
        final QeStartup startup;
        final List<DispatchRequest> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger cancels = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        private volatile CountDownLatch cancelled = new CountDownLatch(1);
        private volatile boolean finishRequested;

        FakeQeSession(FakeQeService service, QeStartup startup) {
            this.service = service;
            this.startup = startup;
        }

        @Override
        public QeResult execute(DispatchRequest request) {
            requests.add(request);
            try {
                return service.behavior.execute(this, request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return QeResult.failure(service.content, new SqlException(SqlState.QUERY_CANCELED, "interrupted"));
            }
        }

        /** Blocks like a long-running slice until the QD cancels it (reports the cancel) or finishes it (reports success). */
        QeResult blockUntilCancelled() throws InterruptedException {
            if (!cancelled.await(15, TimeUnit.SECONDS)) {
                return QeResult.failure(service.content, new SqlException(SqlState.INTERNAL_ERROR, "never cancelled"));
            }
            cancelled = new CountDownLatch(1);
            if (finishRequested) {
                finishRequested = false;
                return QeResult.success(service.content, 5);
            }
            return QeResult.failure(service.content,
                    new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request"));
        }

        @Override
        public void cancel(boolean finish) {
            cancels.incrementAndGet();
            finishRequested = finish;
            cancelled.countDown();
        }

        @Override
        public void close() {
            closed.set(true);
            cancelled.countDown();
        }
    }
}
