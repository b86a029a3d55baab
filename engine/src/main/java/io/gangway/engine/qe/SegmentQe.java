package io.gangway.engine.qe;

import io.gangway.api.Batch;
import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.engine.exec.CancelState;
import io.gangway.engine.exec.ExecutionContext;
import io.gangway.engine.exec.MemoryAccount;
import io.gangway.engine.exec.Operator;
import io.gangway.engine.exec.SliceRunner;
import io.gangway.spi.dispatch.DispatchRequest;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.ast.ResetVariable;
import io.gangway.spi.ast.SetVariable;
import io.gangway.spi.ast.Statement;
import io.gangway.spi.dispatch.QeSession;
import io.gangway.spi.dispatch.QeStartup;
import io.gangway.spi.plan.PlanNode;
import io.gangway.spi.plan.Slice;
import io.gangway.spi.catalog.TableDescriptor;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One QE on a segment. Runs the requests of its dispatcher connection one at a time: a slice of a
 * plan (in its own local transaction when the slice writes, committed when the slice succeeds), a
 * utility command, or new settings.
 */
final class SegmentQe implements QeSession {
    private static final System.Logger LOG = System.getLogger(SegmentQe.class.getName());

    private final SegmentServices services;
    private final QeStartup startup;
    private volatile Settings settings;
    private volatile CancelState running;
    private volatile boolean closed;
    /** What the last request's operators held in memory at most, in bytes. */
    private long peakMemory;

    SegmentQe(SegmentServices services, QeStartup startup) {
        this.services = services;
        this.startup = startup;
        this.settings = services.settings().withAll(startup.settings());
    }

    @Override
    public QeResult execute(DispatchRequest request) {
        peakMemory = 0;
        try {
            long rows = switch (request) {
                case DispatchRequest.ExecuteSlice slice -> runSlice(slice);
                case DispatchRequest.Utility utility -> runUtility(utility.command());
                case DispatchRequest.SetSettings set -> {
                    settings = settings.withAll(set.values());
                    yield 0;
                }
                case DispatchRequest.SqlText text -> runText(text.sql());
                case DispatchRequest.Dtx dtx -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                        "distributed transactions are not supported yet");
            };
            // The dispatcher keeps no reader in its pool that held more than gp_vmem_protect_gang_cache_limit.
            return QeResult.success(services.contentId(), rows).withPeakMemory(peakMemory);
        } catch (SqlException e) {
            return QeResult.failure(services.contentId(), e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "QE of session " + startup.sessionId() + " failed", e);
            return QeResult.failure(services.contentId(), SqlException.of(e));
        }
    }

    private long runSlice(DispatchRequest.ExecuteSlice request) {
        Slice slice = request.plan().slice(request.sliceId());
        boolean writes = writes(slice.root(), true);
        long xid = writes ? services.transactions().begin() : 0;
        CancelState cancel = new CancelState();
        MemoryAccount memory = new MemoryAccount();
        running = cancel;
        if (closed) {
            cancel.cancel();
        }
        try {
            ExecutionContext context = new ExecutionContext(startup.sessionId(), request.commandId(),
                    services.contentId(), request.plan(), request.sliceId(), request.memberIndex(),
                    request.sliceTable(), services.interconnect(), services::storage, xid,
                    services.transactions().visibility(xid), cancel, settings, memory);
            long rows = slice.root() instanceof PlanNode.Motion
                    ? SliceRunner.runSendingSlice(context)
                    : insertedRows(SliceRunner.openSlice(context));
            if (writes) {
                services.transactions().commit(xid);
            }
            peakMemory = memory.peak();
            return rows;
        } catch (RuntimeException e) {
            if (writes) {
                services.transactions().abort(xid);
            }
            throw e;
        } finally {
            running = null;
        }
    }

    /** Drains a top slice run on segments (an INSERT): its single row holds the rows inserted. */
    private static long insertedRows(Operator operator) {
        try (operator) {
            long total = 0;
            for (Optional<Batch> batch = operator.next(); batch.isPresent(); batch = operator.next()) {
                for (int row = 0; row < batch.get().rowCount(); row++) {
                    total += ((Number) batch.get().column(0).get(row)).longValue();
                }
            }
            return total;
        }
    }

    /** Whether the slice rooted here writes a table (an Insert above its first motion). */
    private static boolean writes(PlanNode node, boolean sliceRoot) {
        if (node instanceof PlanNode.Insert) {
            return true;
        }
        if (node instanceof PlanNode.Motion && !sliceRoot) {
            return false;
        }
        return node.inputs().stream().anyMatch(input -> writes(input, false));
    }

    /**
     * Plain SQL text from the QD: the session commands a QE carries out on its own ({@code SET},
     * {@code RESET}). Anything else needs the coordinator's catalog and planner, so it is refused.
     */
    private long runText(String sql) {
        for (Statement statement : services.parser().parseAll(sql)) {
            if (statement instanceof SetVariable set) {
                settings = set.toDefault() ? reset(set.name()) : settings.with(set.name(), set.value());
            } else if (statement instanceof ResetVariable reset) {
                settings = reset(reset.name());
            } else {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                        statement.getClass().getSimpleName() + " cannot be dispatched to segments as SQL text");
            }
        }
        return 0;
    }

    /** A setting back to what the process and the QD's startup message gave this QE. */
    private Settings reset(String name) {
        Settings base = services.settings().withAll(startup.settings());
        if (name.equalsIgnoreCase("all")) {
            return base;
        }
        Map<String, String> values = new HashMap<>(settings.values());
        values.remove(name.toLowerCase(Locale.ROOT));
        base.get(name).ifPresent(v -> values.put(name.toLowerCase(Locale.ROOT), v));
        return new Settings(values);
    }

    /** The QE's current settings (for tests). */
    Settings settings() {
        return settings;
    }

    private long runUtility(DispatchRequest.UtilityCommand command) {
        switch (command) {
            case DispatchRequest.UtilityCommand.CreateTable create ->
                    services.storage(create.table().storageEngine()).createTable(create.table());
            case DispatchRequest.UtilityCommand.DropTables drop -> {
                for (TableDescriptor table : drop.tables()) {
                    services.storage(table.storageEngine()).dropTable(table);
                }
            }
        }
        return 0;
    }

    @Override
    public void cancel(boolean finish) {
        CancelState state = running;
        if (state == null) {
            return;
        }
        if (finish) {
            state.finish();
        } else {
            state.cancel();
        }
    }

    @Override
    public void close() {
        closed = true;
        cancel(false);
    }
}
