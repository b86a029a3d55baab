package io.gangway.dispatcher;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.dispatcher.gang.DefaultGang;
import io.gangway.dispatcher.protocol.DispatchMessage;
import io.gangway.dispatcher.protocol.KryoSerialization;
import io.gangway.spi.dispatch.DispatchOptions;
import io.gangway.spi.dispatch.DispatchRequest;
import io.gangway.spi.dispatch.DispatchStats;
import io.gangway.spi.dispatch.DispatchedStatement;
import io.gangway.spi.dispatch.DispatcherSession;
import io.gangway.spi.dispatch.Gang;
import io.gangway.spi.dispatch.GangManager;
import io.gangway.spi.dispatch.IdleQePool;
import io.gangway.spi.dispatch.IdleQePoolContext;
import io.gangway.spi.dispatch.QeConnection;
import io.gangway.spi.dispatch.QeInfo;
import io.gangway.spi.dispatch.QeManagement;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.dispatch.SliceTable;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.plan.GangType;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.spi.plan.Slice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dispatcher side of one QD session: its component databases, and the QE pool and gang manager
 * the configured factories made for it (used through their SPI interfaces only), and the dispatcher
 * states of its statements in flight (closed when the session aborts them or ends).
 */
final class DefaultDispatcherSession implements DispatcherSession {
    private final ComponentDatabases components;
    private final SessionQeConnector connector;
    private final IdleQePool pool;
    private final GangManager gangManager;
    private final Runnable onClose;
    private final KryoSerialization serialization;
    private final Set<DispatcherState> open = ConcurrentHashMap.newKeySet();
    private volatile DispatcherConfig config;
    private volatile boolean closed;

    DefaultDispatcherSession(long sessionId, ComponentDatabases components, Map<String, String> settings,
            NettyQeConnector connector, KryoSerialization serialization, DispatcherConfig config, QeManagement qeManagement,
            Runnable onClose) {
        this.serialization = requireNonNull(serialization, "serialization is null");
        this.components = requireNonNull(components, "components is null");
        this.config = requireNonNull(config, "config is null");
        this.connector = new SessionQeConnector(connector, components, () -> this.config);
        this.pool = qeManagement.pools().open(new IdleQePoolContext(sessionId, settings, this.connector,
                components::downContents));
        try {
            this.gangManager = qeManagement.gangManagers().open(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        this.onClose = requireNonNull(onClose, "onClose is null");
    }

    /** The session's pool, as the SPI shows it. */
    IdleQePool pool() {
        return pool;
    }

    /** The session's gang manager, as the SPI shows it. */
    GangManager gangManager() {
        return gangManager;
    }

    /** The dispatcher's own connection behind a QE the pool lent. */
    PooledQeConnection own(QeConnection qe) {
        return connector.own(qe);
    }

    KryoSerialization serialization() {
        return serialization;
    }

    void register(DispatcherState state) {
        open.add(state);
    }

    void unregister(DispatcherState state) {
        open.remove(state);
    }

    /** Dispatcher states not destroyed yet (for tests). */
    int openStates() {
        return open.size();
    }

    private DispatcherState make(DispatcherState.Kind kind) {
        return make(kind, config.statementTimeout());
    }

    private DispatcherState make(DispatcherState.Kind kind, Duration statementTimeout) {
        ensureOpen();
        return DispatcherState.make(this, gangManager, kind, statementTimeout);
    }

    @Override
    public DispatchedStatement dispatchPlan(PlannedStatement plan, long commandId, Endpoint coordinatorEndpoint) {
        return dispatchPlan(plan, commandId, coordinatorEndpoint, DispatchOptions.DEFAULT);
    }

    @Override
    public DispatchedStatement dispatchPlan(PlannedStatement plan, long commandId, Endpoint coordinatorEndpoint,
            DispatchOptions options) {
        requireNonNull(plan, "plan is null");
        requireNonNull(coordinatorEndpoint, "coordinatorEndpoint is null");
        requireNonNull(options, "options is null");
        // A cursor outlives the statement that opened it: statement_timeout applies to each FETCH, not here.
        DispatcherState state = options.cursor()
                ? make(DispatcherState.Kind.PLAN, Duration.ZERO)
                : make(DispatcherState.Kind.PLAN);
        try {
            // The writer gang first: readers need their writer (Greenplum's AssignGangs).
            List<Slice> order = new ArrayList<>();
            plan.slices().stream().filter(s -> s.gangType() == GangType.PRIMARY_WRITER).forEach(order::add);
            // Every slice but the QD's own gets a gang, the entry-db reader (content -1) included.
            plan.slices().stream()
                    .filter(s -> s.gangType() != GangType.UNALLOCATED && s.gangType() != GangType.PRIMARY_WRITER)
                    .forEach(order::add);
            Map<Integer, Gang> gangs = new LinkedHashMap<>();
            for (Slice slice : order) {
                gangs.put(slice.id(), state.allocateGang(slice.gangType(), slice.contents(), options, OptionalInt.of(slice.id())));
            }
            Map<Integer, List<Endpoint>> table = new HashMap<>();
            for (Slice slice : plan.slices()) {
                Gang gang = gangs.get(slice.id());
                table.put(slice.id(), gang == null
                        ? List.of(coordinatorEndpoint)
                        : gang.members().stream().map(QeConnection::interconnectEndpoint).toList());
            }
            SliceTable sliceTable = new SliceTable(table);
            byte[] shared = state.serialize(new DispatchMessage.SharedPlan(plan, sliceTable));
            state.sendAll(m -> m.qe().dispatchSlice(shared, m.sliceId().orElseThrow(), m.memberIndex(), commandId));
            return new DefaultDispatchedStatement(state, sliceTable);
        } catch (RuntimeException e) {
            state.destroy();
            throw e;
        }
    }

    @Override
    public List<QeResult> dispatchToWriters(DispatchRequest request) {
        requireNonNull(request, "request is null");
        return toWriters(DispatcherState.Kind.COMMAND, request, components.segmentContents());
    }

    @Override
    public List<QeResult> dispatchDtx(DispatchRequest.Dtx command, List<Integer> contents) {
        requireNonNull(command, "command is null");
        requireNonNull(contents, "contents is null");
        if (contents.isEmpty()) {
            return List.of();
        }
        return toWriters(DispatcherState.Kind.DTX, command, contents);
    }

    private List<QeResult> toWriters(DispatcherState.Kind kind, DispatchRequest request, List<Integer> contents) {
        DispatcherState state = make(kind);
        try {
            state.allocateGang(GangType.PRIMARY_WRITER, contents, DispatchOptions.DEFAULT, OptionalInt.empty());
            state.sendAll(m -> m.qe().dispatch(request));
            state.checkResults();
            return state.getResults();
        } finally {
            state.destroy();
        }
    }

    @Override
    public void applySettings(Map<String, String> settings) {
        requireNonNull(settings, "settings is null");
        ensureOpen();
        // Taken before the change: the pool would not lend QEs that missed it. Busy QEs (a cursor's
        // gang) miss it and are destroyed when given back.
        List<QeConnection> idle = pool.takeIdle();
        config = config.withSettings(new Settings(settings));
        pool.settingsChanged(settings);
        if (idle.isEmpty()) {
            return;
        }
        DispatcherState state = make(DispatcherState.Kind.COMMAND);
        try {
            state.adopt(new DefaultGang(0, GangType.PRIMARY_READER, List.copyOf(idle)), OptionalInt.empty());
            DispatchRequest request = new DispatchRequest.SetSettings(settings);
            state.sendAll(m -> m.qe().dispatch(request));
            state.checkResults();
            // Only QEs that took the change may be reused; the rest are destroyed when given back.
            List<Boolean> succeeded = state.succeeded();
            for (int i = 0; i < idle.size(); i++) {
                if (succeeded.get(i)) {
                    pool.settingsApplied(idle.get(i));
                }
            }
            state.getResults();
        } finally {
            state.destroy();
        }
    }

    @Override
    public boolean refreshComponents(boolean safe) {
        ensureOpen();
        // Busy gangs (an open cursor) would be orphaned by a rebuild: not safe either.
        if (!safe || !open.isEmpty() || !components.refresh()) {
            return false;
        }
        // Greenplum's rebuild: every idle QE goes, since its segment may have moved.
        pool.cleanupIdle(true);
        return true;
    }

    @Override
    public void cleanupIdleQes(boolean includeWriters) {
        ensureOpen();
        pool.cleanupIdle(includeWriters);
    }

    @Override
    public void abortOpenStatements() {
        for (DispatcherState state : List.copyOf(open)) {
            state.destroy();
        }
    }

    @Override
    public boolean writerLost() {
        return pool.writerLost();
    }

    @Override
    public List<QeInfo> qes() {
        return pool.qes();
    }

    @Override
    public DispatchStats stats() {
        return pool.stats();
    }

    private void ensureOpen() {
        if (closed) {
            throw new SqlException(SqlState.INTERNAL_ERROR, "the dispatcher session is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            abortOpenStatements();
        } finally {
            pool.close();
            onClose.run();
        }
    }
}
