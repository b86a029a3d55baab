package io.gangway.engine.qd;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The plan a session is running now, if any: what a client's cancel request and the session's
 * {@code statement_timeout} stop. Registered before dispatch, since a cancel may come while gangs
 * are being made, and cleared when the plan ends either way.
 *
 * <p>{@link #cancel} comes from the postmaster's cancel handling and the timer; the rest from the
 * session's thread.
 */
final class RunningStatement {
    private final ScheduledExecutorService timer;
    private volatile @Nullable PlanExecution running;
    private volatile @Nullable ScheduledFuture<?> timeout;

    RunningStatement(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** {@code execution} is about to start; {@code limit} (zero: none) is its statement_timeout. */
    void started(PlanExecution execution, Duration limit) {
        running = execution;
        if (!limit.isZero()) {
            timeout = timer.schedule(() -> execution.cancel("canceling statement due to statement timeout"),
                    limit.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Runs a cursor's FETCH: while it fetches, the cursor's plan is what a cancel request stops. */
    <T> T fetching(PlanExecution execution, Supplier<T> fetch) {
        running = execution;
        try {
            return fetch.get();
        } finally {
            if (running == execution) {
                running = null;
            }
        }
    }

    /** The plan ended; if it was the running one, nothing runs now and its timeout is disarmed. */
    void ended(PlanExecution execution) {
        if (running == execution) {
            running = null;
            ScheduledFuture<?> pending = timeout;
            if (pending != null) {
                pending.cancel(false);
                timeout = null;
            }
        }
    }

    /** Cancels what runs now, if anything. */
    void cancel(String reason) {
        PlanExecution execution = running;
        if (execution != null) {
            execution.cancel(reason);
        }
    }
}
