package io.gangway.dispatcher;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.dispatch.DispatchStats;
import io.gangway.spi.dispatch.IdleQePool;
import io.gangway.spi.dispatch.QeConnection;
import io.gangway.spi.dispatch.QeRole;
import io.gangway.spi.dispatch.QeStartup;
import java.time.Duration;
import java.util.ArrayList;
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
import java.util.function.Supplier;
import org.apache.commons.pool2.impl.GenericKeyedObjectPool;
import org.apache.commons.pool2.impl.GenericKeyedObjectPoolConfig;

/**
 * The QEs of one QD session. Writers are tracked here, one per content (the first QE made for a
 * content, kept for the whole session, never evicted); readers live in one
 * {@link GenericKeyedObjectPool} keyed by content, which keeps at most
 * {@code gp_cached_gang_threshold} idle per content and evicts those idle longer than
 * {@code gp_vmem_idle_resource_timeout}.
 *
 * <p>Used from the QD session's thread; the pool's evictor may destroy idle readers concurrently.
 */
public final class CommonsIdleQePool implements IdleQePool {
    private static final System.Logger LOG = System.getLogger(CommonsIdleQePool.class.getName());

    private final long sessionId;
    private final Supplier<List<SegmentDescriptor>> components;
    private final QeConnector connector;
    private final DispatcherConfig config;
    private final GenericKeyedObjectPool<Integer, PooledQeConnection> readers;
    private final Map<Integer, PooledQeConnection> writers = new HashMap<>();
    private final Set<Integer> idleWriters = new HashSet<>();
    private final Map<Integer, Queue<PooledQeConnection>> prepared = new ConcurrentHashMap<>();
    private final Set<PooledQeConnection> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextIdentifier = new AtomicInteger();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();
    private final AtomicLong destroyed = new AtomicLong();
    private volatile Map<String, String> settings;
    private volatile int settingsVersion;
    private boolean closed;

    CommonsIdleQePool(long sessionId, Supplier<List<SegmentDescriptor>> components, QeConnector connector,
            DispatcherConfig config, Map<String, String> settings) {
        this.sessionId = sessionId;
        this.components = requireNonNull(components, "components is null");
        this.connector = requireNonNull(connector, "connector is null");
        this.config = requireNonNull(config, "config is null");
        this.settings = Map.copyOf(settings);
        this.readers = new GenericKeyedObjectPool<>(new QeObjectFactory(this), poolConfig(config));
    }

    private static GenericKeyedObjectPoolConfig<PooledQeConnection> poolConfig(DispatcherConfig config) {
        GenericKeyedObjectPoolConfig<PooledQeConnection> pc = new GenericKeyedObjectPoolConfig<>();
        pc.setJmxEnabled(false);
        pc.setMaxTotalPerKey(-1);
        pc.setMaxTotal(-1);
        pc.setMaxIdlePerKey(config.cachedGangThreshold());
        pc.setMinIdlePerKey(0);
        pc.setLifo(true);
        pc.setTestOnBorrow(true);
        pc.setTestOnReturn(true);
        pc.setTestWhileIdle(true);
        pc.setBlockWhenExhausted(false);
        pc.setMaxWait(config.connectTimeout());
        Duration idle = config.idleResourceTimeout();
        if (!idle.isZero() && !idle.isNegative()) {
            // Greenplum frees idle readers once the session has idled this long; writers stay (they are not pooled here).
            pc.setMinEvictableIdleDuration(idle);
            pc.setTimeBetweenEvictionRuns(Duration.ofMillis(Math.max(10, Math.min(1_000, idle.toMillis() / 2))));
            pc.setNumTestsPerEvictionRun(-1);
        }
        return pc;
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
                PooledQeConnection writer = liveWriter(content);
                boolean needReader = false;
                switch (role) {
                    case WRITER -> {
                        if (writer == null) {
                            newWriters.add(content);
                        } else if (idleWriters.remove(content)) {
                            gang[i] = writer;
                            reused.incrementAndGet();
                        } else {
                            throw new SqlException(SqlState.INTERNAL_ERROR,
                                    "the writer QE of segment " + content + " is already in use");
                        }
                    }
                    case ANY -> {
                        if (writer == null) {
                            // The first QE of a content is its writer.
                            newWriters.add(content);
                        } else if (idleWriters.remove(content)) {
                            gang[i] = writer;
                            reused.incrementAndGet();
                        } else {
                            gang[i] = idleReader(content);
                            needReader = gang[i] == null;
                        }
                    }
                    case READER -> {
                        if (writer == null) {
                            // The writer is always made before readers; it stays idle for the session's writes.
                            newWriters.add(content);
                        }
                        gang[i] = idleReader(content);
                        needReader = gang[i] == null;
                    }
                }
                if (needReader) {
                    newReaderSlots.add(i);
                }
            }
            connectNew(contents, role, gang, newWriters, newReaderSlots);
        } catch (RuntimeException e) {
            for (PooledQeConnection qe : gang) {
                if (qe != null) {
                    release(qe, false);
                }
            }
            throw e;
        }
        return List.of(gang);
    }

    private PooledQeConnection liveWriter(int content) {
        PooledQeConnection writer = writers.get(content);
        if (writer != null && !writer.isHealthy() && idleWriters.contains(content)) {
            writers.remove(content);
            idleWriters.remove(content);
            destroy(writer);
            return null;
        }
        return writer;
    }

    /** An idle reader of the content, or null when none is idle (or none passed validation). */
    private PooledQeConnection idleReader(int content) {
        while (readers.getNumIdle(content) > 0) {
            PooledQeConnection qe;
            try {
                qe = readers.borrowObject(content);
            } catch (Exception e) {
                throw SqlException.of(e);
            }
            if (qe.takeFresh()) {
                // Every idle one failed validation and the pool made a new reader on its own.
                return qe;
            }
            reused.incrementAndGet();
            return qe;
        }
        return null;
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
            }
        }
        if (failure.isPresent()) {
            for (CompletableFuture<PooledQeConnection> f : readerFutures) {
                PooledQeConnection reader = startedOrNull(f);
                if (reader != null) {
                    destroy(reader);
                }
            }
            throw new SqlException(SqlState.GP_SEGMENT_RESOURCES, "failed to acquire resources on one or more segments",
                    Optional.of(failure.get()), Optional.empty(), OptionalInt.empty(), null);
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
    }

    private static PooledQeConnection startedOrNull(CompletableFuture<PooledQeConnection> f) {
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
                left.forEach(this::destroy);
            }
        }
    }

    /** Waits for every connect; the first failure's reason (in gang order), if any. */
    private Optional<String> awaitAll(List<CompletableFuture<PooledQeConnection>> futures) {
        long budget = config.connectTimeout().toMillis() * (config.gangCreationRetryCount() + 1L)
                + config.gangCreationRetryTimer().toMillis() * config.gangCreationRetryCount() + 1_000;
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(budget, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.thenAccept(this::destroy));
            throw new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request", e);
        } catch (ExecutionException | TimeoutException e) {
            // Reported below, per member.
        }
        for (CompletableFuture<PooledQeConnection> f : futures) {
            if (!f.isDone()) {
                f.thenAccept(this::destroy);
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
        return connector.connect(() -> segmentOf(content), startup, version, config).thenApply(qe -> {
            created.incrementAndGet();
            live.add(qe);
            return qe;
        });
    }

    private SegmentDescriptor segmentOf(int content) {
        return components.get().stream()
                .filter(s -> s.content() == content && s.role() == 'p')
                .findFirst()
                .orElseThrow(() -> new QeConnectFailure("no primary segment for content " + content, false));
    }

    /** The pool's factory: the reader connected for this content beforehand, else a new one now. */
    PooledQeConnection takePreparedOrConnect(int content) {
        Queue<PooledQeConnection> queue = prepared.get(content);
        PooledQeConnection qe = queue == null ? null : queue.poll();
        if (qe != null) {
            return qe;
        }
        Optional<String> failure;
        CompletableFuture<PooledQeConnection> f = connect(content, false);
        failure = awaitAll(List.of(f));
        if (failure.isPresent()) {
            throw new SqlException(SqlState.GP_SEGMENT_RESOURCES, "failed to acquire resources on one or more segments",
                    Optional.of(failure.get()), Optional.empty(), OptionalInt.empty(), null);
        }
        return f.join();
    }

    @Override
    public void release(QeConnection qe, boolean destroy) {
        if (!(qe instanceof PooledQeConnection pooled) || !live.contains(pooled)) {
            throw new IllegalArgumentException(qe + " does not belong to this pool");
        }
        boolean keep = !destroy && !closed && pooled.isHealthy() && pooled.isIdle() && hasCurrentSettings(pooled);
        if (pooled.isWriter()) {
            if (keep && writers.get(pooled.content()) == pooled) {
                idleWriters.add(pooled.content());
            } else {
                if (writers.get(pooled.content()) == pooled) {
                    writers.remove(pooled.content());
                    idleWriters.remove(pooled.content());
                }
                destroy(pooled);
            }
            return;
        }
        try {
            if (keep) {
                readers.returnObject(pooled.content(), pooled);
            } else {
                readers.invalidateObject(pooled.content(), pooled);
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "releasing a reader QE failed", e);
            destroy(pooled);
        }
    }

    @Override
    public int idleCount(int content) {
        return readers.getNumIdle(content) + (idleWriters.contains(content) ? 1 : 0);
    }

    @Override
    public DispatchStats stats() {
        return new DispatchStats(created.get(), reused.get(), destroyed.get());
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
        return taken;
    }

    /** Changes the settings new QEs start with; QEs not told since are not reused. */
    void updateSettings(Map<String, String> changed) {
        Map<String, String> merged = new HashMap<>(settings);
        merged.putAll(changed);
        settings = Map.copyOf(merged);
        settingsVersion++;
    }

    int settingsVersion() {
        return settingsVersion;
    }

    boolean hasCurrentSettings(PooledQeConnection qe) {
        return qe.settingsVersion() == settingsVersion;
    }

    /** Closes a QE for good, counting it once. */
    void destroy(PooledQeConnection qe) {
        live.remove(qe);
        if (qe.closeConnection()) {
            destroyed.incrementAndGet();
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
            destroy(qe);
        }
        prepared.values().forEach(q -> q.forEach(this::destroy));
        prepared.clear();
    }
}
