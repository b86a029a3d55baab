package io.gangway.dispatcher;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.dispatch.DispatchRequest;
import io.gangway.spi.dispatch.DispatchStats;
import io.gangway.spi.dispatch.DispatchedStatement;
import io.gangway.spi.dispatch.DispatcherSession;
import io.gangway.spi.dispatch.Gang;
import io.gangway.spi.dispatch.QeConnection;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.dispatch.SliceTable;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.plan.GangType;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.spi.plan.Slice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/** The dispatcher side of one QD session: its QE pool, gang manager and the statements it dispatches. */
final class DefaultDispatcherSession implements DispatcherSession {
    private final Supplier<List<SegmentDescriptor>> components;
    private final CommonsIdleQePool pool;
    private final DefaultGangManager gangManager;
    private final Runnable onClose;
    private final KryoSerialization serialization;
    private boolean closed;

    DefaultDispatcherSession(long sessionId, Supplier<List<SegmentDescriptor>> components, Map<String, String> settings,
            QeConnector connector, KryoSerialization serialization, DispatcherConfig config, Runnable onClose) {
        this.serialization = requireNonNull(serialization, "serialization is null");
        this.components = requireNonNull(components, "components is null");
        this.pool = new CommonsIdleQePool(sessionId, components, connector, config, settings);
        this.gangManager = new DefaultGangManager(pool);
        this.onClose = requireNonNull(onClose, "onClose is null");
    }

    CommonsIdleQePool pool() {
        return pool;
    }

    @Override
    public DispatchedStatement dispatchPlan(PlannedStatement plan, long commandId, Endpoint coordinatorEndpoint) {
        requireNonNull(plan, "plan is null");
        requireNonNull(coordinatorEndpoint, "coordinatorEndpoint is null");
        ensureOpen();
        // The writer gang first: readers need their writer (Greenplum's AssignGangs).
        List<Slice> order = new ArrayList<>();
        plan.slices().stream().filter(s -> s.gangType() == GangType.PRIMARY_WRITER).forEach(order::add);
        // Every slice but the QD's own gets a gang, the entry-db reader (content -1) included.
        plan.slices().stream().filter(s -> s.gangType() != GangType.UNALLOCATED && s.gangType() != GangType.PRIMARY_WRITER)
                .forEach(order::add);
        Map<Integer, Gang> gangs = new LinkedHashMap<>();
        try {
            for (Slice slice : order) {
                gangs.put(slice.id(), gangManager.allocate(slice.gangType(), slice.contents()));
            }
        } catch (RuntimeException e) {
            List<Gang> allocated = new ArrayList<>(gangs.values());
            for (Gang gang : allocated.reversed()) {
                gangManager.recycle(gang, false);
            }
            throw e;
        }
        Map<Integer, List<Endpoint>> table = new HashMap<>();
        for (Slice slice : plan.slices()) {
            Gang gang = gangs.get(slice.id());
            table.put(slice.id(), gang == null
                    ? List.of(coordinatorEndpoint)
                    : gang.members().stream().map(QeConnection::interconnectEndpoint).toList());
        }
        SliceTable sliceTable = new SliceTable(table);
        List<StatementMember> members = new ArrayList<>();
        gangs.forEach((sliceId, gang) -> addMembers(members, OptionalInt.of(sliceId), gang));
        DefaultDispatchedStatement statement = new DefaultDispatchedStatement(
                sliceTable, members, List.copyOf(gangs.values()), gangManager, true);
        byte[] shared;
        try {
            // Serialized once here, not once per QE on the event loops.
            shared = serialization.encode(new DispatchMessage.SharedPlan(plan, sliceTable));
        } catch (RuntimeException e) {
            statement.close();
            throw e;
        }
        statement.startSlices(shared, commandId);
        return statement;
    }

    @Override
    public List<QeResult> dispatchToWriters(DispatchRequest request) {
        requireNonNull(request, "request is null");
        ensureOpen();
        List<Integer> contents = components.get().stream()
                .filter(s -> s.content() >= 0 && s.role() == 'p')
                .map(SegmentDescriptor::content)
                .distinct()
                .sorted()
                .toList();
        Gang gang = gangManager.allocate(GangType.PRIMARY_WRITER, contents);
        return runCommand(gang, request);
    }

    @Override
    public void applySettings(Map<String, String> settings) {
        requireNonNull(settings, "settings is null");
        ensureOpen();
        // Taken before the change: the pool would not lend QEs that missed it.
        List<PooledQeConnection> idle = pool.takeAllIdle();
        pool.updateSettings(settings);
        if (idle.isEmpty()) {
            return;
        }
        Gang gang = new DefaultGang(0, GangType.PRIMARY_READER, List.copyOf(idle));
        DefaultDispatchedStatement statement = command(gang);
        try {
            statement.start(m -> new DispatchRequest.SetSettings(settings));
            statement.awaitResults();
            // Only QEs that took the change may be reused; the rest are destroyed when given back.
            int version = pool.settingsVersion();
            idle.forEach(qe -> qe.settingsVersion(version));
        } finally {
            statement.close();
        }
    }

    private List<QeResult> runCommand(Gang gang, DispatchRequest request) {
        DefaultDispatchedStatement statement = command(gang);
        try {
            statement.start(m -> request);
            return statement.awaitResults();
        } finally {
            statement.close();
        }
    }

    private DefaultDispatchedStatement command(Gang gang) {
        List<StatementMember> members = new ArrayList<>();
        addMembers(members, OptionalInt.empty(), gang);
        return new DefaultDispatchedStatement(new SliceTable(Map.of()), members, List.of(gang), gangManager, false);
    }

    private static void addMembers(List<StatementMember> members, OptionalInt sliceId, Gang gang) {
        for (int i = 0; i < gang.members().size(); i++) {
            members.add(new StatementMember(sliceId, i, (PooledQeConnection) gang.members().get(i)));
        }
    }

    @Override
    public DispatchStats stats() {
        return pool.stats();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the dispatcher session is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.close();
        onClose.run();
    }
}
