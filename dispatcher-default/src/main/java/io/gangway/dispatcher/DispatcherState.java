package io.gangway.dispatcher;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.dispatch.DispatchOptions;
import io.gangway.spi.dispatch.DispatchStats.DestroyReason;
import io.gangway.spi.dispatch.Gang;
import io.gangway.spi.dispatch.GangManager;
import io.gangway.spi.dispatch.QeConnection;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.plan.GangType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One dispatch in progress, with Greenplum's standard steps as methods, called in this order by the
 * session: {@link #make} (registered with the session, so an aborted statement or a closing session
 * cleans it up), {@link #serialize}, {@link #allocateGang} per gang (the writer gang first),
 * {@link #sendAll} (send every QE its message without waiting for the writes: a failed write fails
 * that QE's result, which {@link #checkResults} reports), {@link #checkResults}, {@link #getResults},
 * {@link #destroy} (recycle the gangs). {@link #cancel} may come from any thread.
 *
 * <p>A plan's or command's first QE error cancels the QEs still running (cancel-on-error) and the
 * most informative error is thrown; a DTX command is never cancelled and reports every answer.
 * {@code statement_timeout} cancels a plan or command that runs too long.
 */
final class DispatcherState {
    /** How long QEs get to answer a cancel before their connections are closed. */
    static final Duration CANCEL_WAIT = Duration.ofSeconds(10);

    /** What is dispatched, which decides the error handling. */
    enum Kind {
        /** A sliced plan: cancel on error; reader QEs of a failed or cancelled plan are not reused. */
        PLAN,
        /** A request to a writer gang (DDL, SQL text) or to every live QE (SET): cancel on error. */
        COMMAND,
        /** A distributed-transaction command: never cancelled, every answer collected, no timeout. */
        DTX;

        boolean cancelsOnError() {
            return this != DTX;
        }
    }

    private final DefaultDispatcherSession session;
    private final GangManager gangManager;
    private final Kind kind;
    private final long deadlineNanos;
    private final List<Gang> gangs = new ArrayList<>();
    private final List<StatementMember> members = new ArrayList<>();
    private final LinkedBlockingQueue<Integer> arrivals = new LinkedBlockingQueue<>();
    private volatile @Nullable AtomicReferenceArray<CompletableFuture<QeResult>> results;
    private volatile boolean cancelled;
    private volatile boolean timedOut;
    private boolean failed;
    private boolean checked;
    private boolean destroyed;

    private DispatcherState(DefaultDispatcherSession session, GangManager gangManager, Kind kind, Duration timeout) {
        this.session = session;
        this.gangManager = gangManager;
        this.kind = kind;
        this.deadlineNanos = kind.cancelsOnError() && timeout.isPositive() ? System.nanoTime() + timeout.toNanos() : 0;
    }

    /** Step 1: a new state, registered with the session until {@link #destroy}. */
    static DispatcherState make(DefaultDispatcherSession session, GangManager gangManager, Kind kind,
            Duration statementTimeout) {
        DispatcherState state = new DispatcherState(requireNonNull(session, "session is null"),
                requireNonNull(gangManager, "gangManager is null"), requireNonNull(kind, "kind is null"), statementTimeout);
        session.register(state);
        return state;
    }

    /** Step 2: the message every QE gets alike, serialized once here rather than once per QE. */
    byte[] serialize(Object message) {
        return session.serialization().encode(message);
    }

    /** Step 3: a gang for slice {@code sliceId} (empty for a command), its QEs becoming members. */
    Gang allocateGang(GangType type, List<Integer> contents, DispatchOptions options, OptionalInt sliceId) {
        return adopt(gangManager.allocate(type, contents, options), sliceId);
    }

    /** Takes a gang made elsewhere (the idle QEs a SET goes to) as this state's own. */
    Gang adopt(Gang gang, OptionalInt sliceId) {
        gangs.add(gang);
        for (int i = 0; i < gang.members().size(); i++) {
            members.add(new StatementMember(sliceId, i, session.own(gang.members().get(i))));
        }
        return gang;
    }

    /**
     * Step 4: sends each member its message; never blocks. The QD may start its own slices at once:
     * a QE that gets its plan later is only later to connect, and a message that cannot be written
     * fails that member's result.
     */
    void sendAll(Function<StatementMember, PooledQeConnection.InFlight> send) {
        AtomicReferenceArray<CompletableFuture<QeResult>> sent = new AtomicReferenceArray<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            PooledQeConnection.InFlight inFlight = send.apply(members.get(i));
            int index = i;
            sent.set(i, inFlight.result());
            inFlight.result().whenComplete((r, e) -> {
                arrivals.add(index);
                if (e != null || !r.isSuccess()) {
                    notifyFailure();
                }
            });
        }
        results = sent;
        if (cancelled) {
            cancelRunning(false); // a cancel that came while sending
        }
    }

    /**
     * Step 5: waits until every QE reported. On the first error (cancel-on-error), a cancel or the
     * statement timeout, the QEs still running are cancelled and get {@link #CANCEL_WAIT} to answer.
     */
    void checkResults() {
        AtomicReferenceArray<CompletableFuture<QeResult>> sent = sentResults();
        if (checked) {
            return;
        }
        checked = true;
        boolean[] arrived = new boolean[members.size()];
        int count = 0;
        long cancelDeadline = 0;
        boolean cancelling = false;
        while (count < members.size()) {
            Integer index;
            try {
                if (cancelling) {
                    index = arrivals.poll(Math.max(0, cancelDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } else if (deadlineNanos != 0) {
                    index = arrivals.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                } else {
                    index = arrivals.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel(false);
                failed = true;
                throw new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request", e);
            }
            if (index == null) {
                if (cancelling) {
                    break; // QEs that ignored the cancel: destroy() closes them.
                }
                timedOut = true;
                cancelling = true;
                cancelDeadline = System.nanoTime() + CANCEL_WAIT.toNanos();
                cancelRunning(false);
                continue;
            }
            if (!arrived[index]) {
                arrived[index] = true;
                count++;
            }
            if (!cancelling && kind.cancelsOnError() && (cancelled || isError(sent.get(index)))) {
                cancelling = true;
                cancelDeadline = System.nanoTime() + CANCEL_WAIT.toNanos();
                cancelRunning(false);
            }
        }
    }

    /**
     * Step 6: every QE's result in member order, or (plans and commands) the most informative
     * error: a QE's own error over a lost connection, over an interconnect error, over a cancel.
     * A DTX command's failures are returned as results, a lost connection as an {@code 08006} one.
     */
    List<QeResult> getResults() {
        checkResults();
        AtomicReferenceArray<CompletableFuture<QeResult>> sent = sentResults();
        if (kind.cancelsOnError()) {
            if (timedOut) {
                failed = true;
                throw new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to statement timeout");
            }
            SqlException best = bestError(sent);
            if (best != null) {
                failed = true;
                throw best;
            }
        }
        List<QeResult> done = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            CompletableFuture<QeResult> result = sent.get(i);
            int content = members.get(i).qe().content();
            if (!result.isDone()) {
                done.add(QeResult.failure(content, new SqlException(SqlState.QUERY_CANCELED, "QE did not answer in time")));
            } else if (result.isCompletedExceptionally()) {
                done.add(QeResult.failure(content, SqlException.of(unwrap(result.exceptionNow()))));
            } else {
                done.add(result.join());
            }
        }
        return List.copyOf(done);
    }

    /** Per member: did it answer with success (so far)? */
    List<Boolean> succeeded() {
        AtomicReferenceArray<CompletableFuture<QeResult>> sent = sentResults();
        List<Boolean> ok = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            CompletableFuture<QeResult> result = sent.get(i);
            ok.add(result.isDone() && !result.isCompletedExceptionally() && result.join().isSuccess());
        }
        return ok;
    }

    /** Per-QE results so far, without waiting (statuses of the statement's QEs). */
    private AtomicReferenceArray<CompletableFuture<QeResult>> sentResults() {
        AtomicReferenceArray<CompletableFuture<QeResult>> sent = results;
        if (sent == null) {
            throw new IllegalStateException("nothing was sent");
        }
        return sent;
    }

    private final java.util.List<Runnable> failureListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean failureSeen = new java.util.concurrent.atomic.AtomicBoolean();

    /** Runs {@code listener} once when the first QE fails or is lost (at once if one already has). */
    void onFailure(Runnable listener) {
        failureListeners.add(listener);
        if (failureSeen.get() && failureListeners.remove(listener)) {
            listener.run();
        }
    }

    private void notifyFailure() {
        if (failureSeen.compareAndSet(false, true)) {
            for (Runnable listener : failureListeners) {
                if (failureListeners.remove(listener)) {
                    listener.run();
                }
            }
        }
    }

    private static boolean isError(CompletableFuture<QeResult> result) {
        return result.isCompletedExceptionally() || !result.join().isSuccess();
    }

    private @Nullable SqlException bestError(AtomicReferenceArray<CompletableFuture<QeResult>> sent) {
        SqlException best = null;
        int bestRank = -1;
        for (int i = 0; i < members.size(); i++) {
            CompletableFuture<QeResult> result = sent.get(i);
            SqlException candidate;
            int rank;
            if (!result.isDone()) {
                candidate = new SqlException(SqlState.QUERY_CANCELED, "QE did not answer the cancel in time");
                rank = -1;
            } else if (result.isCompletedExceptionally()) {
                candidate = QeErrorRanking.decorate(SqlException.of(unwrap(result.exceptionNow())), members.get(i));
                rank = QeErrorRanking.rank(candidate.state(), true);
            } else if (result.join().error().isPresent()) {
                QeResult.QeError qeError = result.join().error().get();
                candidate = QeErrorRanking.decorate(qeError, members.get(i));
                rank = QeErrorRanking.rank(qeError.state(), false);
            } else {
                continue;
            }
            if (best == null || rank > bestRank) {
                best = candidate;
                bestRank = rank;
            }
        }
        return best;
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /** Cancels ({@code finish=false}) or finishes every QE still running; any thread. A DTX command is never cancelled. */
    void cancel(boolean finish) {
        if (kind == Kind.DTX) {
            return;
        }
        if (!finish) {
            cancelled = true;
        }
        cancelRunning(finish);
    }

    private void cancelRunning(boolean finish) {
        AtomicReferenceArray<CompletableFuture<QeResult>> sent = results;
        if (sent == null) {
            return;
        }
        for (int i = 0; i < sent.length(); i++) {
            if (!sent.get(i).isDone()) {
                members.get(i).qe().cancel(finish);
            }
        }
    }

    /**
     * Step 7: recycles the gangs. QEs still running are cancelled first (and destroyed if they do
     * not answer in time); a lost QE is destroyed; a failed or cancelled plan's readers are not
     * reused; writers that answered are kept (destroying one would reset the session).
     */
    void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        try {
            AtomicReferenceArray<CompletableFuture<QeResult>> sent = results;
            if (sent != null && anyRunning(sent)) {
                cancelled = true;
                cancelRunning(false);
                List<CompletableFuture<QeResult>> all = new ArrayList<>();
                for (int i = 0; i < sent.length(); i++) {
                    all.add(sent.get(i));
                }
                try {
                    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                            .get(CANCEL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    // Failures are the QEs' own results; a timeout leaves them running: destroyed below.
                }
            }
            Map<QeConnection, CompletableFuture<QeResult>> resultOf = new IdentityHashMap<>();
            if (sent != null) {
                for (int i = 0; i < sent.length(); i++) {
                    resultOf.put(members.get(i).qe(), sent.get(i));
                }
            }
            boolean plainFailure = kind == Kind.PLAN && (failed || cancelled || timedOut);
            for (Gang gang : gangs.reversed()) {
                gangManager.recycle(gang, qe -> reasonToDestroy(qe, resultOf.get(qe), plainFailure));
            }
        } finally {
            session.unregister(this);
        }
    }

    private static boolean anyRunning(AtomicReferenceArray<CompletableFuture<QeResult>> sent) {
        for (int i = 0; i < sent.length(); i++) {
            if (!sent.get(i).isDone()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<DestroyReason> reasonToDestroy(QeConnection qe, @Nullable CompletableFuture<QeResult> result,
            boolean plainFailure) {
        if (result == null) {
            return Optional.empty(); // never sent anything: the pool's own rules decide
        }
        if (!result.isDone() || result.isCompletedExceptionally()) {
            return Optional.of(DestroyReason.BROKEN);
        }
        return plainFailure && !qe.isWriter() ? Optional.of(DestroyReason.FORCED) : Optional.empty();
    }
}
