package io.gangway.dispatcher;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.dispatch.DispatchStats;
import io.gangway.spi.dispatch.DispatchStats.DestroyReason;
import io.gangway.spi.dispatch.IdleQePool;
import io.gangway.spi.dispatch.QeConnection;
import io.gangway.spi.dispatch.QeInfo;
import io.gangway.spi.dispatch.QeRole;
import io.gangway.spi.dispatch.QeStartup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.pool2.impl.GenericKeyedObjectPool;
import org.apache.commons.pool2.impl.GenericKeyedObjectPoolConfig;
import org.jspecify.annotations.Nullable;

/**
 * The QEs of one QD session. Writers are tracked here, one per segment (the first QE made for a
 * content, kept for the whole session, never evicted; the entry db, content -1, has none); readers
 * live in one {@link GenericKeyedObjectPool} keyed by content, which evicts those idle longer than
 * {@code gp_vmem_idle_resource_timeout}. {@link #release} applies Greenplum's destroy conditions
 * ({@link IdleQePool}) and counts each destroyed QE by its {@link DestroyReason}.
 *
 * <p>Used from the QD session's thread; the pool's evictor may destroy idle readers concurrently,
 * and {@link #stats()} and {@link #qes()} may be read from any thread.
 */
public final class CommonsIdleQePool implements IdleQePool {
    private static final System.Logger LOG = System.getLogger(CommonsIdleQePool.class.getName());

    private final long sessionId;
    private final ComponentDatabases components;
    private final QeConnector connector;
    private final Clock clock;
    private final GenericKeyedObjectPool<Integer, PooledQeConnection> readers;
    private final Map<Integer, PooledQeConnection> writers = new HashMap<>();
    private final Set<Integer> idleWriters = new HashSet<>();
    private final Map<Integer, Queue<PooledQeConnection>> prepared = new ConcurrentHashMap<>();
    private final Set<PooledQeConnection> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextIdentifier = new AtomicInteger();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();
    private final AtomicLong destroyed = new AtomicLong();
    private final Map<DestroyReason, LongAdder> destroyedBy = new ConcurrentHashMap<>();
    private final AtomicLong gangsCreated = new AtomicLong();
    private final AtomicLong gangCreationNanos = new AtomicLong();
    private volatile DispatcherConfig config;
    private volatile Map<String, String> settings;
    private volatile int settingsVersion;
    private volatile boolean writerLost;
    private volatile @Nullable DestroyReason clearing;
    private volatile boolean closed;

    CommonsIdleQePool(long sessionId, ComponentDatabases components, QeConnector connector, DispatcherConfig config,
            Map<String, String> settings, Clock clock) {
        this.sessionId = sessionId;
        this.components = requireNonNull(components, "components is null");
        this.connector = requireNonNull(connector, "connector is null");
        this.config = requireNonNull(config, "config is null");
        this.settings = Map.copyOf(settings);
        this.clock = requireNonNull(clock, "clock is null");
        GenericKeyedObjectPoolConfig<PooledQeConnection> pc = new GenericKeyedObjectPoolConfig<>();
        pc.setJmxEnabled(false);
        pc.setMaxTotalPerKey(-1);
        pc.setMaxTotal(-1);
        // The idle threshold is applied in release(), per content and with a reason, not by the pool.
        pc.setMaxIdlePerKey(-1);
        pc.setMinIdlePerKey(0);
        pc.setLifo(true);
        pc.setTestOnBorrow(true);
        pc.setTestWhileIdle(true);
        pc.setBlockWhenExhausted(false);
        pc.setMaxWait(config.connectTimeout());
        pc.setNumTestsPerEvictionRun(-1);
        this.readers = new GenericKeyedObjectPool<>(new QeObjectFactory(this), pc);
        applyEviction(config);
    }

    /** Greenplum frees idle readers after {@code gp_vmem_idle_resource_timeout}; writers stay (they are not pooled here). */
    private void applyEviction(DispatcherConfig c) {
        Duration idle = c.idleResourceTimeout();
        if (idle.isZero() || idle.isNegative()) {
            readers.setTimeBetweenEvictionRuns(Duration.ofMillis(-1));
            return;
        }
        readers.setMinEvictableIdleDuration(idle);
        readers.setTimeBetweenEvictionRuns(Duration.ofMillis(Math.max(10, Math.min(1_000, idle.toMillis() / 2))));
    }

    DispatcherConfig config() {
        return config;
    }

    @Override
    public List<QeConnection> acquire(List<Integer> contents, QeRole role) {
        requireNonNull(contents, "contents is null");
        requireNonNull(role, "role is null");
        if (closed) {
            throw new IllegalStateException("the QE pool is closed");
        }
        PooledQeConnection[] gang = new PooledQeConnection[contents.size()];
        List<Integer> newWriters = new ArrayList<>();
        List<Integer> newReaderSlots = new ArrayList<>();
        try {
            for (int i = 0; i < contents.size(); i++) {
                int content = contents.get(i);
                if (content < 0) {
                    // The entry db: readers only (Greenplum never makes it a writer).
                    if (role == QeRole.WRITER) {
                        throw new IllegalArgumentException("the entry db has no writer QE");
                    }
                    gang[i] = idleReader(content);
                } else {
                    PooledQeConnection writer = liveWriter(content);
                    if (writer == null) {
                        // The first QE of a segment is its writer, made before any reader.
                        newWriters.add(content);
                    }
                    gang[i] = switch (role) {
                        case WRITER -> {
                            if (writer != null && !idleWriters.remove(content)) {
                                throw new SqlException(SqlState.INTERNAL_ERROR,
                                        "the writer QE of segment " + content + " is already in use");
                            }
                            yield writer == null ? null : reuse(writer);
                        }
                        case ANY -> writer == null ? null : idleWriters.remove(content) ? reuse(writer) : idleReader(content);
                        // A cursor's reader never takes the writer, which stays idle for the session's writes.
                        case READER -> idleReader(content);
                    };
                }
                boolean takesNewWriter = gang[i] == null && newWriters.contains(content) && role != QeRole.READER;
                if (gang[i] == null && !takesNewWriter) {
                    newReaderSlots.add(i);
                }
            }
            connectNew(contents, role, gang, newWriters, newReaderSlots);
        } catch (RuntimeException e) {
            for (PooledQeConnection qe : gang) {
                if (qe != null) {
                    release(qe, null);
                }
            }
            throw e;
        }
        for (PooledQeConnection qe : gang) {
            qe.lend();
        }
        return List.of(gang);
    }

    private PooledQeConnection reuse(PooledQeConnection qe) {
        reused.incrementAndGet();
        return qe;
    }

    private @Nullable PooledQeConnection liveWriter(int content) {
        PooledQeConnection writer = writers.get(content);
        if (writer != null && !writer.isHealthy() && idleWriters.contains(content)) {
            writers.remove(content);
            idleWriters.remove(content);
            destroy(writer, DestroyReason.BROKEN);
            return null;
        }
        return writer;
    }

    /** An idle reader of the content, or null when none is idle (or none passed validation). */
    private @Nullable PooledQeConnection idleReader(int content) {
        if (readers.getNumIdle(content) == 0) {
            return null;
        }
        PooledQeConnection qe;
        try {
            qe = readers.borrowObject(content);
        } catch (Exception e) {
            throw SqlException.of(e);
        }
        if (!qe.takeFresh()) {
            reused.incrementAndGet();
        }
        return qe;
    }

    /**
     * Connects the gang's missing QEs: all new writers concurrently, then all new readers concurrently.
     * Writers come first because a reader finds its session's writer on the segment (Greenplum's
     * lock holder and shared snapshot), so it must not start before the writer exists.
     */
    private void connectNew(List<Integer> contents, QeRole role, PooledQeConnection[] gang, List<Integer> newWriters,
            List<Integer> newReaderSlots) {
        if (newWriters.isEmpty() && newReaderSlots.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<CompletableFuture<PooledQeConnection>> writerFutures = new ArrayList<>();
        for (int content : newWriters) {
            writerFutures.add(connect(content, true));
        }
        Optional<String> failure = awaitAll(writerFutures);
        List<CompletableFuture<PooledQeConnection>> readerFutures = new ArrayList<>();
        if (failure.isEmpty()) {
            for (int slot : newReaderSlots) {
                readerFutures.add(connect(contents.get(slot), false));
            }
            failure = awaitAll(readerFutures);
        }
        // Writers that started are kept even if the gang fails: they are the session's writers.
        for (CompletableFuture<PooledQeConnection> f : writerFutures) {
            PooledQeConnection writer = startedOrNull(f);
            if (writer != null) {
                writers.put(writer.content(), writer);
                idleWriters.add(writer.content());
                writer.idle(clock.instant());
            }
        }
        if (failure.isPresent()) {
            for (CompletableFuture<PooledQeConnection> f : readerFutures) {
                PooledQeConnection reader = startedOrNull(f);
                if (reader != null) {
                    destroy(reader, DestroyReason.FORCED);
                }
            }
            throw segmentResources(failure.get());
        }
        if (role != QeRole.READER) {
            for (int i = 0; i < contents.size(); i++) {
                if (gang[i] == null && newWriters.contains(contents.get(i))) {
                    idleWriters.remove(contents.get(i));
                    gang[i] = writers.get(contents.get(i));
                }
            }
        }
        for (int k = 0; k < newReaderSlots.size(); k++) {
            int slot = newReaderSlots.get(k);
            int content = contents.get(slot);
            PooledQeConnection reader = readerFutures.get(k).join();
            prepared.computeIfAbsent(content, c -> new ConcurrentLinkedQueue<>()).add(reader);
            gang[slot] = borrowNew(content);
        }
        gangsCreated.incrementAndGet();
        gangCreationNanos.addAndGet(System.nanoTime() - started);
    }

    private static SqlException segmentResources(String detail) {
        return new SqlException(SqlState.GP_SEGMENT_RESOURCES, "failed to acquire resources on one or more segments",
                Optional.of(detail), Optional.empty(), OptionalInt.empty(), null);
    }

    private static @Nullable PooledQeConnection startedOrNull(CompletableFuture<PooledQeConnection> f) {
        return f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
    }

    private PooledQeConnection borrowNew(int content) {
        try {
            PooledQeConnection qe = readers.borrowObject(content);
            if (!qe.takeFresh()) {
                reused.incrementAndGet();
            }
            return qe;
        } catch (Exception e) {
            throw SqlException.of(e);
        } finally {
            Queue<PooledQeConnection> left = prepared.remove(content);
            if (left != null) {
                left.forEach(qe -> destroy(qe, DestroyReason.FORCED));
            }
        }
    }

    /** Waits for every connect; the first failure's reason (in gang order), if any. */
    private Optional<String> awaitAll(List<CompletableFuture<PooledQeConnection>> futures) {
        DispatcherConfig c = config;
        long budget = c.connectTimeout().toMillis() * (c.gangCreationRetryCount() + 1L)
                + c.gangCreationRetryTimer().toMillis() * c.gangCreationRetryCount() + 1_000;
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(budget, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.thenAccept(qe -> destroy(qe, DestroyReason.FORCED)));
            throw new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request", e);
        } catch (ExecutionException | TimeoutException e) {
            // Reported below, per member.
        }
        for (CompletableFuture<PooledQeConnection> f : futures) {
            if (!f.isDone()) {
                f.thenAccept(qe -> destroy(qe, DestroyReason.FORCED));
                return Optional.of("timeout expired waiting for a QE to start");
            }
            if (f.isCompletedExceptionally()) {
                Throwable cause = f.exceptionNow();
                return Optional.of(cause.getMessage() == null ? cause.toString() : cause.getMessage());
            }
        }
        return Optional.empty();
    }

    private CompletableFuture<PooledQeConnection> connect(int content, boolean writer) {
        QeStartup startup = new QeStartup(sessionId, content, writer, nextIdentifier.incrementAndGet(), settings);
        int version = settingsVersion;
        return connector.connect(() -> components.primary(content), startup, version, config).thenApply(qe -> {
            created.incrementAndGet();
            live.add(qe);
            return qe;
        });
    }

    /** The pool's factory: the reader connected for this content beforehand, else a new one now. */
    PooledQeConnection takePreparedOrConnect(int content) {
        Queue<PooledQeConnection> queue = prepared.get(content);
        PooledQeConnection qe = queue == null ? null : queue.poll();
        if (qe != null) {
            return qe;
        }
        CompletableFuture<PooledQeConnection> f = connect(content, false);
        Optional<String> failure = awaitAll(List.of(f));
        if (failure.isPresent()) {
            throw segmentResources(failure.get());
        }
        return f.join();
    }

    @Override
    public void release(QeConnection qe, boolean destroy) {
        release(own(qe), destroy ? DestroyReason.FORCED : null);
    }

    private PooledQeConnection own(QeConnection qe) {
        if (!(qe instanceof PooledQeConnection pooled) || !live.contains(pooled)) {
            throw new IllegalArgumentException(qe + " does not belong to this pool");
        }
        return pooled;
    }

    /** Contents marked down now; asked once per gang recycled rather than once per QE. */
    Set<Integer> downContents() {
        return components.downContents();
    }

    void release(PooledQeConnection qe, @Nullable DestroyReason forced) {
        release(qe, forced, forced == null ? components.downContents() : Set.of());
    }

    /**
     * Gives a QE back; {@code forced}, when not null, destroys it for that reason whatever the
     * pool's rules say; {@code down}: the contents marked down in the cluster's configuration.
     */
    void release(PooledQeConnection qe, @Nullable DestroyReason forced, Set<Integer> down) {
        if (!live.contains(qe)) {
            return; // already destroyed (its session closed while it was lent)
        }
        DestroyReason reason = forced != null ? forced : whyNotKeep(qe, down);
        qe.idle(clock.instant());
        if (qe.isWriter()) {
            boolean current = writers.get(qe.content()) == qe;
            if (reason == null && current) {
                idleWriters.add(qe.content());
                return;
            }
            if (current) {
                writers.remove(qe.content());
                idleWriters.remove(qe.content());
            }
            destroy(qe, reason == null ? DestroyReason.FORCED : reason);
            return;
        }
        try {
            if (reason == null) {
                readers.returnObject(qe.content(), qe);
            } else {
                qe.destroyReason(reason);
                readers.invalidateObject(qe.content(), qe);
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "releasing a reader QE failed", e);
            destroy(qe, reason == null ? DestroyReason.BROKEN : reason);
        }
    }

    /** Greenplum's recycle conditions, in its order; null to keep the QE. */
    private @Nullable DestroyReason whyNotKeep(PooledQeConnection qe, Set<Integer> down) {
        DispatcherConfig c = config;
        if (closed) {
            return DestroyReason.SESSION_CLOSED;
        }
        if (!qe.isHealthy() || !qe.isIdle()) {
            return DestroyReason.BROKEN;
        }
        if (down.contains(qe.content())) {
            return DestroyReason.SEGMENT_DOWN;
        }
        if (!c.pooling()) {
            return DestroyReason.POOLING_DISABLED;
        }
        if (!hasCurrentSettings(qe)) {
            return DestroyReason.FORCED;
        }
        if (!qe.isWriter()) {
            if (c.gangCacheMemoryLimitBytes() > 0 && qe.peakMemoryBytes() > c.gangCacheMemoryLimitBytes()) {
                return DestroyReason.MEMORY_LIMIT;
            }
            if (readers.getNumIdle(qe.content()) >= c.cachedThreshold(qe.content())) {
                return DestroyReason.CACHE_THRESHOLD;
            }
        }
        return null;
    }

    @Override
    public int idleCount(int content) {
        return readers.getNumIdle(content) + (idleWriters.contains(content) ? 1 : 0);
    }

    @Override
    public DispatchStats stats() {
        Map<DestroyReason, Long> byReason = new EnumMap<>(DestroyReason.class);
        destroyedBy.forEach((reason, count) -> byReason.put(reason, count.sum()));
        return new DispatchStats(created.get(), reused.get(), destroyed.get(), byReason, gangsCreated.get(),
                Duration.ofNanos(gangCreationNanos.get()));
    }

    /** Every live QE, for the system view. */
    List<QeInfo> qes() {
        List<QeInfo> infos = new ArrayList<>();
        for (PooledQeConnection qe : live) {
            int gang = qe.gangId();
            Instant since = qe.idleSince();
            infos.add(new QeInfo(qe.content(), qe.isWriter(), qe.identifier(),
                    gang == 0 ? OptionalInt.empty() : OptionalInt.of(gang),
                    since == null ? QeInfo.State.BUSY : QeInfo.State.IDLE, Optional.ofNullable(since)));
        }
        infos.sort(Comparator.comparingInt(QeInfo::identifier));
        return List.copyOf(infos);
    }

    boolean writerLost() {
        return writerLost;
    }

    /** Every idle QE, taken out of the pool for a request to all of them (SET); give each back with {@link #release}. */
    List<PooledQeConnection> takeAllIdle() {
        List<PooledQeConnection> taken = new ArrayList<>();
        for (Integer content : List.copyOf(idleWriters)) {
            PooledQeConnection writer = liveWriter(content);
            if (writer != null && idleWriters.remove(content)) {
                taken.add(writer);
            }
        }
        for (Integer content : readers.getKeys()) {
            while (readers.getNumIdle(content) > 0) {
                try {
                    PooledQeConnection qe = readers.borrowObject(content);
                    qe.takeFresh();
                    taken.add(qe);
                } catch (Exception e) {
                    throw SqlException.of(e);
                }
            }
        }
        taken.forEach(PooledQeConnection::lend);
        return taken;
    }

    /** Destroys every idle reader, and every idle writer too if {@code includeWriters}. */
    void cleanupIdle(boolean includeWriters) {
        clearing = DestroyReason.CLEANUP;
        try {
            readers.clear();
        } finally {
            clearing = null;
        }
        if (includeWriters) {
            for (Integer content : List.copyOf(idleWriters)) {
                PooledQeConnection writer = writers.remove(content);
                idleWriters.remove(content);
                if (writer != null) {
                    destroy(writer, DestroyReason.CLEANUP);
                }
            }
        }
    }

    /** Replaces the component databases' snapshot if the cluster changed; every idle QE goes (Greenplum's rebuild). */
    boolean refreshComponents() {
        if (!components.refresh()) {
            return false;
        }
        cleanupIdle(true);
        return true;
    }

    /** Changes the settings new QEs start with (and the dispatcher's own); QEs not told since are not reused. */
    void updateSettings(Map<String, String> changed) {
        Map<String, String> merged = new HashMap<>(settings);
        merged.putAll(changed);
        settings = Map.copyOf(merged);
        settingsVersion++;
        DispatcherConfig updated = config.withSettings(new Settings(changed));
        if (!updated.idleResourceTimeout().equals(config.idleResourceTimeout())) {
            applyEviction(updated);
        }
        config = updated;
    }

    int settingsVersion() {
        return settingsVersion;
    }

    boolean hasCurrentSettings(PooledQeConnection qe) {
        return qe.settingsVersion() == settingsVersion;
    }

    /** The pool's destroy callback: the reason decided before, else what the QE's state tells. */
    void destroyedByPool(PooledQeConnection qe) {
        DestroyReason reason = qe.destroyReason();
        if (reason == null) {
            DestroyReason clear = clearing;
            reason = clear != null ? clear
                    : closed ? DestroyReason.SESSION_CLOSED
                    : !qe.isHealthy() ? DestroyReason.BROKEN
                    : !hasCurrentSettings(qe) ? DestroyReason.FORCED
                    : DestroyReason.IDLE_TIMEOUT;
        }
        destroy(qe, reason);
    }

    /** Closes a QE for good, counting it once under {@code reason}. */
    void destroy(PooledQeConnection qe, DestroyReason reason) {
        live.remove(qe);
        if (qe.closeConnection()) {
            destroyed.incrementAndGet();
            destroyedBy.computeIfAbsent(reason, r -> new LongAdder()).increment();
            if (qe.isWriter() && (reason == DestroyReason.FORCED || reason == DestroyReason.BROKEN
                    || reason == DestroyReason.SEGMENT_DOWN)) {
                // Its transaction state on the segment is gone: the QD must reset the session.
                writerLost = true;
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        readers.close();
        writers.clear();
        idleWriters.clear();
        for (PooledQeConnection qe : List.copyOf(live)) {
            destroy(qe, DestroyReason.SESSION_CLOSED);
        }
        prepared.values().forEach(q -> q.forEach(qe -> destroy(qe, DestroyReason.SESSION_CLOSED)));
        prepared.clear();
    }
}
