package io.gangway.engine.exec;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * The cancel state of one running slice, shared between the thread that runs it and whoever
 * cancels it (the session on a cancel request or {@code statement_timeout}, the QD on another
 * QE's error). Cancellation is cooperative: operators call {@link #check()} between batches.
 * Interconnect receivers and senders blocked in a call are woken by closing them, so they are
 * registered here with {@link #register(AutoCloseable)} and closed by {@link #cancel(String)}.
 *
 * <p>{@link #finish()} is the successful early stop (the consumer needs no more rows): sources
 * stop producing, sending slices end their streams normally.
 */
public final class CancelState {
    /** PostgreSQL's message for a cancel request. */
    public static final String USER_REQUEST = "canceling statement due to user request";

    private static final System.Logger LOG = System.getLogger(CancelState.class.getName());

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private volatile String cancelReason;
    private volatile boolean finished;

    /** Cancels with PostgreSQL's message for a user's cancel request. */
    public void cancel() {
        cancel(USER_REQUEST);
    }

    /**
     * Cancels: later {@link #check()} calls throw {@code 57014} with {@code reason} as the message
     * (e.g. {@link #USER_REQUEST}, or "canceling statement due to statement timeout"), and every
     * registered closeable is closed so that blocked interconnect calls return. Idempotent; the
     * first reason wins.
     */
    public void cancel(String reason) {
        List<AutoCloseable> toClose;
        synchronized (this) {
            if (cancelReason != null) {
                return;
            }
            cancelReason = reason == null || reason.isBlank() ? USER_REQUEST : reason;
            toClose = List.copyOf(closeables);
            closeables.clear();
        }
        for (AutoCloseable closeable : toClose) {
            closeQuietly(closeable);
        }
    }

    /** Asks the slice to stop early, successfully. */
    public void finish() {
        finished = true;
    }

    public boolean isCancelled() {
        return cancelReason != null;
    }

    public boolean isFinished() {
        return finished;
    }

    /** Throws {@code 57014} if cancelled. */
    public void check() {
        String reason = cancelReason;
        if (reason != null) {
            throw canceled(reason);
        }
    }

    /** The error a cancelled slice reports (its cause, if any, is what woke it). */
    public SqlException canceledError(Throwable cause) {
        String reason = cancelReason;
        return new SqlException(SqlState.QUERY_CANCELED, reason == null ? USER_REQUEST : reason, cause);
    }

    /**
     * Registers something to close on cancel (a motion receiver or sender). If already cancelled
     * it is closed at once, so that the caller's next blocking call fails promptly.
     */
    public void register(AutoCloseable closeable) {
        synchronized (this) {
            if (cancelReason == null) {
                closeables.add(closeable);
                return;
            }
        }
        closeQuietly(closeable);
    }

    /** Forgets a closeable the slice closed itself. */
    public synchronized void unregister(AutoCloseable closeable) {
        closeables.remove(closeable);
    }

    private static SqlException canceled(String reason) {
        return new SqlException(SqlState.QUERY_CANCELED, reason);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Cancelling must reach every closeable; a failure to close one is only worth a log line.
            LOG.log(System.Logger.Level.DEBUG, "closing on cancel failed", e);
        }
    }
}
