package io.gangway.dispatcher.pool;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.dispatcher.DispatcherConfig;
import io.gangway.spi.dispatch.DispatchStats;
import io.gangway.spi.dispatch.DispatchStats.DestroyReason;
import io.gangway.spi.dispatch.IdleQePool;
import io.gangway.spi.dispatch.IdleQePoolContext;
import io.gangway.spi.dispatch.QeConnection;
import io.gangway.spi.dispatch.QeInfo;
import io.gangway.spi.dispatch.QeRole;
import io.gangway.spi.dispatch.QeStartup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The QEs of one QD session on Commons Pool 2. Writers sit in {@link WriterSlots}; readers in a
 * {@link ReaderPool} keyed by content, which evicts those idle longer than
 * {@code gp_vmem_idle_resource_timeout}. A gang's new QEs connect concurrently
 * ({@link GangConnecting}); {@link #release} asks {@link RecyclePolicy} whether to keep a QE and
 * counts each destroyed one by its reason ({@link PoolCounters}).
 *
 * <p>Used from the QD session's thread; the pool's evictor may destroy idle readers concurrently,
 * and {@link #stats()} and {@link #qes()} may be read from any thread.
 */
public final class CommonsIdleQePool implements IdleQePool {
    private static final System.Logger LOG = System.getLogger(CommonsIdleQePool.class.getName());

    private final IdleQePoolContext context;
    private final Clock clock;
    private final ReaderPool readers;
    private final WriterSlots writers = new WriterSlots();
    private final Map<QeConnection, PooledQe> live = new ConcurrentHashMap<>();
    private final AtomicInteger nextIdentifier = new AtomicInteger();
    private final PoolCounters counters = new PoolCounters();
    private volatile DispatcherConfig config;
    private volatile Map<String, String> settings;
    private volatile int settingsVersion;
    private volatile boolean writerLost;
    private volatile @Nullable DestroyReason clearing;
    private volatile boolean closed;

    CommonsIdleQePool(IdleQePoolContext context, DispatcherConfig processConfig, Clock clock) {
        this.context = requireNonNull(context, "context is null");
        this.settings = context.settings();
        this.config = processConfig.withSettings(new Settings(context.settings()));
        this.clock = requireNonNull(clock, "clock is null");
        this.readers = new ReaderPool(config, this::connectNow, qe -> qe.qe().isHealthy() && hasCurrentSettings(qe),
                this::destroyedByPool);
    }

    @Override
    public List<QeConnection> acquire(List<Integer> contents, QeRole role) {
        requireNonNull(contents, "contents is null");
        requireNonNull(role, "role is null");
        if (closed) {
            throw new IllegalStateException("the QE pool is closed");
        }
        PooledQe[] gang = new PooledQe[contents.size()];
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
                    PooledQe writer = liveWriter(content);
                    if (writer == null) {
                        // The first QE of a segment is its writer, made before any reader.
                        newWriters.add(content);
                    }
                    gang[i] = switch (role) {
                        case WRITER -> {
                            if (writer != null && !writers.take(content)) {
                                throw new SqlException(SqlState.INTERNAL_ERROR,
                                        "the writer QE of segment " + content + " is already in use");
                            }
                            yield writer == null ? null : reuse(writer);
                        }
                        case ANY -> writer == null ? null : writers.take(content) ? reuse(writer) : idleReader(content);
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
            for (PooledQe qe : gang) {
                if (qe != null) {
                    release(qe, null);
                }
            }
            throw e;
        }
        List<QeConnection> lent = new ArrayList<>(gang.length);
        for (PooledQe qe : gang) {
            qe.lend();
            lent.add(qe.qe());
        }
        return List.copyOf(lent);
    }

    private PooledQe reuse(PooledQe qe) {
        counters.reused();
        return qe;
    }

    private @Nullable PooledQe liveWriter(int content) {
        PooledQe writer = writers.get(content);
        if (writer != null && !writer.qe().isHealthy() && writers.isIdle(content)) {
            writers.remove(content);
            destroy(writer, DestroyReason.BROKEN);
            return null;
        }
        return writer;
    }

    /** An idle reader of the content, or null when none is idle (or none passed validation). */
    private @Nullable PooledQe idleReader(int content) {
        PooledQe qe = readers.lendIdle(content);
        if (qe != null && !qe.takeFresh()) {
            counters.reused();
        }
        return qe;
    }

    /**
     * Connects the gang's missing QEs: all new writers concurrently, then all new readers concurrently.
     * Writers come first because a reader finds its session's writer on the segment (Greenplum's
     * lock holder and shared snapshot), so it must not start before the writer exists.
     */
    private void connectNew(List<Integer> contents, QeRole role, PooledQe[] gang, List<Integer> newWriters,
            List<Integer> newReaderSlots) {
        if (newWriters.isEmpty() && newReaderSlots.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<CompletableFuture<QeConnection>> writerFutures = new ArrayList<>();
        for (int content : newWriters) {
            writerFutures.add(connect(content, true));
        }
        Optional<String> failure = awaitAll(writerFutures);
        List<CompletableFuture<QeConnection>> readerFutures = new ArrayList<>();
        if (failure.isEmpty()) {
            for (int slot : newReaderSlots) {
                readerFutures.add(connect(contents.get(slot), false));
            }
            failure = awaitAll(readerFutures);
        }
        // Writers that started are kept even if the gang fails: they are the session's writers.
        for (CompletableFuture<QeConnection> f : writerFutures) {
            QeConnection writer = GangConnecting.startedOrNull(f);
            if (writer != null) {
                PooledQe entry = live.get(writer);
                writers.addIdle(entry);
                entry.idle(clock.instant());
            }
        }
        if (failure.isPresent()) {
            for (CompletableFuture<QeConnection> f : readerFutures) {
                QeConnection reader = GangConnecting.startedOrNull(f);
                if (reader != null) {
                    discard(reader);
                }
            }
            throw GangConnecting.segmentResources(failure.get());
        }
        if (role != QeRole.READER) {
            for (int i = 0; i < contents.size(); i++) {
                if (gang[i] == null && newWriters.contains(contents.get(i))) {
                    writers.take(contents.get(i));
                    gang[i] = writers.get(contents.get(i));
                }
            }
        }
        for (int k = 0; k < newReaderSlots.size(); k++) {
            PooledQe reader = readers.lendNew(live.get(readerFutures.get(k).join()),
                    leftover -> destroy(leftover, DestroyReason.FORCED));
            if (!reader.takeFresh()) {
                counters.reused();
            }
            gang[newReaderSlots.get(k)] = reader;
        }
        counters.gangCreated(System.nanoTime() - started);
    }

    private Optional<String> awaitAll(List<CompletableFuture<QeConnection>> futures) {
        return GangConnecting.awaitAll(futures, config, this::discard);
    }

    private CompletableFuture<QeConnection> connect(int content, boolean writer) {
        QeStartup startup = new QeStartup(context.sessionId(), content, writer, nextIdentifier.incrementAndGet(), settings);
        int version = settingsVersion;
        return context.connector().connect(startup).thenApply(qe -> {
            counters.created();
            live.put(qe, new PooledQe(qe, version));
            return qe;
        });
    }

    /** A reader connected now, alone: what the reader pool makes when a borrow finds none prepared. */
    private PooledQe connectNow(int content) {
        CompletableFuture<QeConnection> f = connect(content, false);
        Optional<String> failure = awaitAll(List.of(f));
        if (failure.isPresent()) {
            throw GangConnecting.segmentResources(failure.get());
        }
        return live.get(f.join());
    }

    @Override
    public void release(QeConnection qe, boolean destroy) {
        release(own(qe), destroy ? DestroyReason.FORCED : null);
    }

    @Override
    public void destroy(QeConnection qe, DestroyReason reason) {
        release(own(qe), requireNonNull(reason, "reason is null"));
    }

    @Override
    public void assignGang(QeConnection qe, int gangId) {
        own(qe).assignGang(gangId);
    }

    private PooledQe own(QeConnection qe) {
        PooledQe pooled = live.get(requireNonNull(qe, "qe is null"));
        if (pooled == null) {
            throw new IllegalArgumentException(qe + " does not belong to this pool");
        }
        return pooled;
    }

    /** Gives a QE back; {@code forced}, when not null, destroys it for that reason whatever the policy says. */
    private void release(PooledQe qe, @Nullable DestroyReason forced) {
        if (live.get(qe.qe()) != qe) {
            return; // already destroyed (its session closed while it was lent)
        }
        DestroyReason reason = forced != null ? forced : RecyclePolicy.decide(facts(qe), config).orElse(null);
        qe.idle(clock.instant());
        if (qe.isWriter()) {
            boolean current = writers.holds(qe);
            if (reason == null && current) {
                writers.giveBack(qe);
                return;
            }
            if (current) {
                writers.remove(qe.content());
            }
            destroy(qe, reason == null ? DestroyReason.FORCED : reason);
            return;
        }
        try {
            if (reason == null) {
                readers.giveBack(qe);
            } else {
                readers.invalidate(qe, reason);
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "releasing a reader QE failed", e);
            destroy(qe, reason == null ? DestroyReason.BROKEN : reason);
        }
    }

    private RecyclePolicy.Facts facts(PooledQe qe) {
        Set<Integer> down = context.downContents().get();
        return new RecyclePolicy.Facts(qe.content(), qe.isWriter(), closed, qe.qe().isHealthy(),
                down.contains(qe.content()), hasCurrentSettings(qe), qe.qe().peakMemoryBytes(),
                readers.idle(qe.content()));
    }

    @Override
    public int idleCount(int content) {
        return readers.idle(content) + (writers.isIdle(content) ? 1 : 0);
    }

    @Override
    public DispatchStats stats() {
        return counters.snapshot();
    }

    @Override
    public List<QeInfo> qes() {
        List<QeInfo> infos = new ArrayList<>();
        for (PooledQe qe : live.values()) {
            infos.add(qe.info());
        }
        infos.sort(Comparator.comparingInt(QeInfo::identifier));
        return List.copyOf(infos);
    }

    @Override
    public boolean writerLost() {
        return writerLost;
    }

    @Override
    public List<QeConnection> takeIdle() {
        List<PooledQe> taken = new ArrayList<>();
        for (PooledQe writer : writers.takeAllIdle()) {
            if (writer.qe().isHealthy()) {
                taken.add(writer);
            } else {
                writers.remove(writer.content());
                destroy(writer, DestroyReason.BROKEN);
            }
        }
        for (PooledQe reader : readers.lendAllIdle()) {
            reader.takeFresh();
            taken.add(reader);
        }
        List<QeConnection> lent = new ArrayList<>(taken.size());
        for (PooledQe qe : taken) {
            qe.lend();
            lent.add(qe.qe());
        }
        return lent;
    }

    @Override
    public void cleanupIdle(boolean includeWriters) {
        clearing = DestroyReason.CLEANUP;
        try {
            readers.clear();
        } finally {
            clearing = null;
        }
        if (includeWriters) {
            for (PooledQe writer : writers.removeIdle()) {
                destroy(writer, DestroyReason.CLEANUP);
            }
        }
    }

    @Override
    public void settingsChanged(Map<String, String> changed) {
        Map<String, String> merged = new HashMap<>(settings);
        merged.putAll(changed);
        settings = Map.copyOf(merged);
        settingsVersion++;
        DispatcherConfig updated = config.withSettings(new Settings(changed));
        if (!updated.idleResourceTimeout().equals(config.idleResourceTimeout())) {
            readers.applyEviction(updated);
        }
        config = updated;
    }

    @Override
    public void settingsApplied(QeConnection qe) {
        own(qe).settingsVersion(settingsVersion);
    }

    boolean hasCurrentSettings(PooledQe qe) {
        return qe.settingsVersion() == settingsVersion;
    }

    /** The pool's destroy callback: the reason decided before, else what the QE's state tells. */
    void destroyedByPool(PooledQe qe) {
        DestroyReason reason = qe.destroyReason();
        if (reason == null) {
            DestroyReason clear = clearing;
            reason = clear != null ? clear
                    : closed ? DestroyReason.SESSION_CLOSED
                    : !qe.qe().isHealthy() ? DestroyReason.BROKEN
                    : !hasCurrentSettings(qe) ? DestroyReason.FORCED
                    : DestroyReason.IDLE_TIMEOUT;
        }
        destroy(qe, reason);
    }

    /** Closes a QE made for a gang that could not be had. */
    private void discard(QeConnection qe) {
        PooledQe pooled = live.get(qe);
        if (pooled != null) {
            destroy(pooled, DestroyReason.FORCED);
        } else {
            qe.close();
        }
    }

    /** Closes a QE for good, counting it once under {@code reason}. */
    private void destroy(PooledQe qe, DestroyReason reason) {
        if (!live.remove(qe.qe(), qe)) {
            return;
        }
        // Counted before the close, so whoever sees the QE gone on its segment sees it counted.
        counters.destroyed(reason);
        if (RecyclePolicy.losesWriter(qe.isWriter(), reason)) {
            writerLost = true;
        }
        qe.qe().close();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        readers.close();
        writers.clear();
        for (PooledQe qe : List.copyOf(live.values())) {
            destroy(qe, DestroyReason.SESSION_CLOSED);
        }
    }
}
