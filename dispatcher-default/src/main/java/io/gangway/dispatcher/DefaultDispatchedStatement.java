package io.gangway.dispatcher;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.dispatch.DispatchRequest;
import io.gangway.spi.dispatch.DispatchedStatement;
import io.gangway.spi.dispatch.Gang;
import io.gangway.spi.dispatch.GangManager;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.dispatch.SliceTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Requests in flight on a statement's gangs. {@link #awaitResults()} collects one result per QE;
 * the first error cancels the QEs still running and, once they answered (or a bounded wait ran
 * out), the most informative error is thrown. Closing recycles the gangs, destroying their QEs when
 * the statement failed, was cancelled or left a QE running.
 */
final class DefaultDispatchedStatement implements DispatchedStatement {
    /** How long QEs get to answer a cancel before their connections are closed. */
    static final Duration CANCEL_WAIT = Duration.ofSeconds(10);
    /** How long to wait for the plans to leave the QD's sockets. */
    private static final Duration FLUSH_WAIT = Duration.ofSeconds(60);

    private final SliceTable sliceTable;
    private final List<StatementMember> members;
    private final List<Gang> gangs;
    private final GangManager gangManager;
    private final boolean destroyOnQeError;
    private final List<CompletableFuture<QeResult>> results = new ArrayList<>();
    private final LinkedBlockingQueue<Integer> arrivals = new LinkedBlockingQueue<>();
    private volatile boolean cancelled;
    private boolean failed;
    private boolean closed;
    private @Nullable List<QeResult> outcome;
    private @Nullable SqlException error;

    /**
     * {@code destroyOnQeError}: a plan's QEs are destroyed after any failure; a command's QEs that
     * answered with an error stay usable (only lost or cancelled ones go).
     */
    DefaultDispatchedStatement(SliceTable sliceTable, List<StatementMember> members, List<Gang> gangs, GangManager gangManager,
            boolean destroyOnQeError) {
        this.sliceTable = requireNonNull(sliceTable, "sliceTable is null");
        this.members = List.copyOf(members);
        this.gangs = List.copyOf(gangs);
        this.gangManager = requireNonNull(gangManager, "gangManager is null");
        this.destroyOnQeError = destroyOnQeError;
    }

    /** Sends every member its request without waiting for any, then waits until all are written out. */
    void start(Function<StatementMember, DispatchRequest> requestOf) {
        send(member -> member.qe().dispatch(requestOf.apply(member)));
    }

    /** Sends every member its slice of a plan serialized once ({@link DispatchMessage.SharedPlan}). */
    void startSlices(byte[] sharedPlan, long commandId) {
        send(member -> member.qe().dispatchSlice(sharedPlan, member.sliceId().orElseThrow(), member.memberIndex(), commandId));
    }

    private void send(Function<StatementMember, PooledQeConnection.InFlight> dispatch) {
        List<io.netty.channel.ChannelFuture> writes = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            StatementMember member = members.get(i);
            PooledQeConnection.InFlight inFlight = dispatch.apply(member);
            int index = i;
            results.add(inFlight.result());
            inFlight.result().whenComplete((r, e) -> arrivals.add(index));
            writes.add(inFlight.written());
        }
        long deadline = System.nanoTime() + FLUSH_WAIT.toNanos();
        for (io.netty.channel.ChannelFuture write : writes) {
            // A failed write fails its result too; awaitResults reports it.
            write.awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public SliceTable sliceTable() {
        return sliceTable;
    }

    @Override
    public List<QeResult> awaitResults() {
        if (outcome != null) {
            return outcome;
        }
        if (error != null) {
            throw error;
        }
        boolean[] arrived = new boolean[members.size()];
        int count = 0;
        long cancelDeadline = 0;
        boolean cancelling = false;
        while (count < members.size()) {
            Integer index;
            try {
                index = cancelling
                        ? arrivals.poll(Math.max(0, cancelDeadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                        : arrivals.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                failed = true;
                error = new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request", e);
                throw error;
            }
            if (index == null) {
                break; // QEs that ignored the cancel: close() destroys them.
            }
            if (!arrived[index]) {
                arrived[index] = true;
                count++;
            }
            if (!cancelling && isError(results.get(index))) {
                cancelling = true;
                cancelDeadline = System.nanoTime() + CANCEL_WAIT.toNanos();
                cancelRunning(false);
            }
        }
        SqlException best = bestError();
        if (best != null) {
            failed = true;
            error = best;
            throw best;
        }
        List<QeResult> done = new ArrayList<>(members.size());
        for (CompletableFuture<QeResult> result : results) {
            done.add(result.join());
        }
        outcome = List.copyOf(done);
        return outcome;
    }

    private static boolean isError(CompletableFuture<QeResult> result) {
        return result.isCompletedExceptionally() || !result.join().isSuccess();
    }

    /** The most informative error among the QEs' (first arrived wins a tie); null if every QE succeeded. */
    private @Nullable SqlException bestError() {
        SqlException best = null;
        int bestRank = -1;
        for (int i = 0; i < members.size(); i++) {
            CompletableFuture<QeResult> result = results.get(i);
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

    @Override
    public void cancel() {
        cancelled = true;
        cancelRunning(false);
    }

    @Override
    public void finish() {
        cancelRunning(true);
    }

    private void cancelRunning(boolean finish) {
        for (int i = 0; i < members.size(); i++) {
            if (i < results.size() && !results.get(i).isDone()) {
                members.get(i).qe().cancel(finish);
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean running = results.stream().anyMatch(r -> !r.isDone());
        if (running) {
            cancelRunning(false);
            CompletableFuture<?> all = CompletableFuture.allOf(results.toArray(CompletableFuture[]::new));
            try {
                all.get(CANCEL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // Failures are the QEs' own results; a timeout leaves them running: destroyed below.
            }
        }
        boolean destroy = cancelled || running || (failed && destroyOnQeError);
        for (Gang gang : gangs.reversed()) {
            gangManager.recycle(gang, destroy);
        }
    }
}
