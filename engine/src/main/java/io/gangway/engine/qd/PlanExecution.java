package io.gangway.engine.qd;

import io.gangway.api.Batch;
import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.engine.exec.CancelState;
import io.gangway.engine.exec.ExecutionContext;
import io.gangway.engine.exec.MemoryAccount;
import io.gangway.engine.exec.Operator;
import io.gangway.engine.exec.SliceRunner;
import io.gangway.engine.session.QueryResult;
import io.gangway.spi.dispatch.DispatchOptions;
import io.gangway.spi.dispatch.DispatchedStatement;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.dispatch.SliceTable;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.plan.GangType;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.spi.plan.Slice;
import io.gangway.spi.storage.Visibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One planned statement in flight from the QD: dispatches the segment slices, runs the slices that
 * belong on the coordinator, and, for a SELECT, hands the top slice's rows to the client as they
 * come. Errors end the whole statement: every QE is cancelled and the most telling error is
 * reported (a QE's own error over the interconnect error it caused at the QD).
 */
final class PlanExecution implements QueryResult {
    private static final System.Logger LOG = System.getLogger(PlanExecution.class.getName());

    private final SessionContext session;
    private final PlannedStatement plan;
    private final CancelState cancel;
    private final DispatchOptions options;
    private final List<CompletableFuture<Long>> localSenders = new ArrayList<>();
    private volatile DispatchedStatement dispatched;
    private Operator top;
    private long rows;
    private boolean done;
    private String tag;

    PlanExecution(SessionContext session, PlannedStatement plan, CancelState cancel, DispatchOptions options) {
        this.session = session;
        this.plan = plan;
        this.cancel = cancel;
        this.options = options;
    }

    /** Starts the statement: after this returns every QE has its slice and the QD's slices run. */
    void start(long commandId) {
        try {
            begin(commandId);
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    private void begin(long commandId) {
        Endpoint coordinator = session.services().interconnect().endpoint();
        boolean needsGangs = plan.slices().stream().anyMatch(s -> s.gangType() != GangType.UNALLOCATED);
        SliceTable sliceTable;
        if (needsGangs) {
            dispatched = session.dispatcher().dispatchPlan(plan, commandId, coordinator, options);
            sliceTable = dispatched.sliceTable();
            // A QE that fails stops the QD's own slices at once; awaitResults then tells what happened.
            dispatched.onQeFailure(() -> cancel.cancel("a QE of the statement failed"));
        } else {
            Map<Integer, List<Endpoint>> members = new HashMap<>();
            plan.slices().forEach(s -> members.put(s.id(), List.of(coordinator)));
            sliceTable = new SliceTable(members);
        }
        // A cancel that came while the gangs were being made finds no dispatched statement to cancel: honour it here.
        cancel.check();
        for (Slice slice : plan.slices()) {
            // Sending slices of the QD itself (an entry-db slice has its own QE on the coordinator).
            if (slice.id() != 0 && slice.gangType() == GangType.UNALLOCATED) {
                ExecutionContext context = context(slice.id(), sliceTable, commandId);
                localSenders.add(CompletableFuture.supplyAsync(() -> SliceRunner.runSendingSlice(context),
                        session.localSliceExecutor()));
            }
        }
        if (plan.slice(0).gangType() == GangType.UNALLOCATED) {
            top = SliceRunner.openSlice(context(0, sliceTable, commandId));
        }
    }

    private ExecutionContext context(int sliceId, SliceTable sliceTable, long commandId) {
        return new ExecutionContext(session.gpSessionId(), commandId, -1, plan, sliceId, 0, sliceTable,
                session.services().interconnect(), engine -> {
                    throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "the coordinator stores no table data");
                }, 0, Visibility.ALL, cancel, session.settings(), new MemoryAccount());
    }

    @Override
    public Optional<List<Column>> columns() {
        return plan.command() == PlannedStatement.Command.SELECT ? Optional.of(plan.resultColumns()) : Optional.empty();
    }

    @Override
    public Optional<Batch> nextBatch() {
        if (done) {
            return Optional.empty();
        }
        try {
            if (top != null) {
                Optional<Batch> batch = top.next();
                if (batch.isPresent()) {
                    rows += batch.get().rowCount();
                    return batch;
                }
            }
            complete();
            return Optional.empty();
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    /** The top slice is drained: wait for every other slice, then settle the statement. */
    private void complete() {
        if (top != null) {
            top.close();
        }
        for (CompletableFuture<Long> sender : localSenders) {
            join(sender);
        }
        if (dispatched != null) {
            List<QeResult> results = dispatched.awaitResults();
            if (plan.command() == PlannedStatement.Command.INSERT) {
                rows = results.stream().mapToLong(QeResult::rowsProcessed).sum();
            }
            dispatched.close();
        }
        tag = switch (plan.command()) {
            case SELECT -> "SELECT " + rows;
            case INSERT -> "INSERT 0 " + rows;
        };
        done = true;
        session.statementEnded(this);
    }

    private static long join(CompletableFuture<Long> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw SqlException.of(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SqlException(SqlState.QUERY_CANCELED, CancelState.USER_REQUEST, e);
        }
    }

    /** Ends the statement after an error: cancels everything, then picks the error to report. */
    private SqlException fail(RuntimeException e) {
        SqlException error = SqlException.of(e);
        if (done) {
            return error;
        }
        done = true;
        cancel.cancel(error.getMessage());
        if (top != null) {
            top.close();
        }
        if (dispatched != null) {
            dispatched.cancel();
            try {
                dispatched.awaitResults();
            } catch (SqlException qeError) {
                // A QE's own error explains an interconnect error or cancel seen here, not the other way round.
                if (isConsequential(error) && !isConsequential(qeError)) {
                    error = qeError;
                }
            } finally {
                dispatched.close();
            }
        }
        for (CompletableFuture<Long> sender : localSenders) {
            try {
                sender.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException ignored) {
                // the sender failed because of the error being reported; its own failure adds nothing
                LOG.log(System.Logger.Level.DEBUG, "local slice ended after the statement failed", ignored);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        session.statementEnded(this);
        return error;
    }

    /** Errors that are the echo of another failure: interconnect breakage and cancellation. */
    private static boolean isConsequential(SqlException e) {
        return e.state() == SqlState.GP_INTERCONNECTION_ERROR || e.state() == SqlState.QUERY_CANCELED;
    }

    @Override
    public String commandTag() {
        if (tag == null) {
            throw new IllegalStateException("the statement has not finished");
        }
        return tag;
    }

    /** Cancels from another thread (client cancel request, statement_timeout). */
    void cancel(String reason) {
        cancel.cancel(reason);
        DispatchedStatement statement = dispatched;
        if (statement != null) {
            statement.cancel();
        }
    }

    @Override
    public void close() {
        if (done) {
            return;
        }
        // Closed before drained (a portal the client closed): stop every slice.
        try {
            throw fail(new SqlException(SqlState.QUERY_CANCELED, "statement closed before its rows were read"));
        } catch (SqlException expected) {
            LOG.log(System.Logger.Level.DEBUG, "statement closed early: {0}", expected.getMessage());
        }
    }
}
