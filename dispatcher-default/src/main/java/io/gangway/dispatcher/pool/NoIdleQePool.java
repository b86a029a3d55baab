package io.gangway.dispatcher.pool;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.dispatch.DispatchStats;
import io.gangway.spi.dispatch.DispatchStats.DestroyReason;
import io.gangway.spi.dispatch.IdleQePool;
import io.gangway.spi.dispatch.IdleQePoolContext;
import io.gangway.spi.dispatch.QeConnection;
import io.gangway.spi.dispatch.QeInfo;
import io.gangway.spi.dispatch.QeRole;
import io.gangway.spi.dispatch.QeStartup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool that keeps no QE: every QE given back is closed ({@code POOLING_DISABLED}), writers
 * included, so each statement connects its gangs anew (what {@code gp_dispatch_pooling = off} does
 * to the commons pool). Greenplum's writer rules still hold: the first QE of a segment is its writer,
 * made before any reader, and a writer made for a cursor's reader gang waits idle until a gang takes
 * it. Built on the SPI alone, it is the proof that a pool can be swapped.
 */
final class NoIdleQePool implements IdleQePool {
    private final IdleQePoolContext context;
    private final Map<Integer, QeConnection> writers = new HashMap<>();
    private final Map<QeConnection, QeInfo> live = new ConcurrentHashMap<>();
    private final AtomicInteger nextIdentifier = new AtomicInteger();
    private final PoolCounters counters = new PoolCounters();
    private volatile Map<String, String> settings;
    private volatile boolean writerLost;
    private volatile boolean closed;

    NoIdleQePool(IdleQePoolContext context) {
        this.context = requireNonNull(context, "context is null");
        this.settings = context.settings();
    }

    @Override
    public List<QeConnection> acquire(List<Integer> contents, QeRole role) {
        if (closed) {
            throw new IllegalStateException("the QE pool is closed");
        }
        long started = System.nanoTime();
        List<Integer> newWriters = new ArrayList<>();
        for (int content : contents) {
            if (content < 0 && role == QeRole.WRITER) {
                throw new IllegalArgumentException("the entry db has no writer QE");
            }
            QeConnection writer = writers.get(content);
            if (writer != null && isIdle(writer) && !writer.isHealthy()) {
                writers.remove(content);
                destroy(writer, DestroyReason.BROKEN);
                writer = null;
            }
            if (content >= 0 && writer == null) {
                newWriters.add(content);
            } else if (role == QeRole.WRITER && !isIdle(writer)) {
                throw new SqlException(SqlState.INTERNAL_ERROR, "the writer QE of segment " + content + " is already in use");
            }
        }
        // Writers first: a reader finds its session's writer on the segment.
        List<QeConnection> made = await(newWriters.stream().map(c -> connect(c, true)).toList());
        made.forEach(this::keepWriter);
        List<QeConnection> gang = new ArrayList<>();
        List<Integer> readerSlots = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            QeConnection writer = writers.get(contents.get(i));
            boolean takesWriter = role != QeRole.READER && writer != null && isIdle(writer);
            if (takesWriter && !newWriters.contains(contents.get(i))) {
                counters.reused();
            }
            gang.add(takesWriter ? lend(writer) : null);
            if (!takesWriter) {
                readerSlots.add(i);
            }
        }
        List<QeConnection> readers = await(readerSlots.stream().map(i -> connect(contents.get(i), false)).toList());
        for (int k = 0; k < readerSlots.size(); k++) {
            gang.set(readerSlots.get(k), lend(readers.get(k)));
        }
        if (!made.isEmpty() || !readers.isEmpty()) {
            counters.gangCreated(System.nanoTime() - started);
        }
        return List.copyOf(gang);
    }

    private CompletableFuture<QeConnection> connect(int content, boolean writer) {
        QeStartup startup = new QeStartup(context.sessionId(), content, writer, nextIdentifier.incrementAndGet(), settings);
        return context.connector().connect(startup).thenApply(qe -> {
            counters.created();
            live.put(qe, info(qe, OptionalInt.empty(), Optional.of(Instant.now())));
            return qe;
        });
    }

    /**
     * Every QE of the batch, or 58M01 with the first failure's reason (in gang order) once every
     * connect of the batch has ended; of the QEs that did start, writers are kept as the session's
     * and readers closed. The connector bounds each connect, so the wait ends.
     */
    private List<QeConnection> await(List<CompletableFuture<QeConnection>> batch) {
        try {
            CompletableFuture.allOf(batch.stream().map(f -> f.handle((qe, e) -> qe)).toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            batch.forEach(f -> f.thenAccept(qe -> destroy(qe, DestroyReason.FORCED)));
            throw new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a handled future cannot fail", e);
        }
        Optional<Throwable> failure = batch.stream().filter(CompletableFuture::isCompletedExceptionally)
                .map(CompletableFuture::exceptionNow).findFirst();
        if (failure.isEmpty()) {
            return batch.stream().map(CompletableFuture::join).toList();
        }
        for (CompletableFuture<QeConnection> f : batch) {
            QeConnection qe = GangConnecting.startedOrNull(f);
            if (qe != null && qe.isWriter()) {
                keepWriter(qe);
            } else if (qe != null) {
                destroy(qe, DestroyReason.FORCED);
            }
        }
        Throwable cause = failure.get();
        throw GangConnecting.segmentResources(cause.getMessage() == null ? cause.toString() : cause.getMessage());
    }

    private void keepWriter(QeConnection writer) {
        writers.put(writer.content(), writer);
    }

    private boolean isIdle(QeConnection qe) {
        QeInfo info = live.get(qe);
        return info != null && info.state() == QeInfo.State.IDLE;
    }

    private QeConnection lend(QeConnection qe) {
        live.computeIfPresent(qe, (k, info) -> info(k, OptionalInt.empty(), Optional.empty()));
        return qe;
    }

    private static QeInfo info(QeConnection qe, OptionalInt gang, Optional<Instant> idleSince) {
        return new QeInfo(qe.content(), qe.isWriter(), qe.identifier(), gang,
                idleSince.isPresent() ? QeInfo.State.IDLE : QeInfo.State.BUSY, idleSince);
    }

    @Override
    public void assignGang(QeConnection qe, int gangId) {
        live.computeIfPresent(qe, (k, info) -> info(k, OptionalInt.of(gangId), Optional.empty()));
    }

    @Override
    public void release(QeConnection qe, boolean destroy) {
        destroy(qe, destroy ? DestroyReason.FORCED
                : closed ? DestroyReason.SESSION_CLOSED
                : !qe.isHealthy() ? DestroyReason.BROKEN
                : context.downContents().get().contains(qe.content()) ? DestroyReason.SEGMENT_DOWN
                : DestroyReason.POOLING_DISABLED);
    }

    @Override
    public void destroy(QeConnection qe, DestroyReason reason) {
        if (live.remove(qe) == null) {
            return;
        }
        writers.remove(qe.content(), qe);
        // Counted before the close, so whoever sees the QE gone on its segment sees it counted.
        counters.destroyed(reason);
        if (RecyclePolicy.losesWriter(qe.isWriter(), reason)) {
            writerLost = true;
        }
        qe.close();
    }

    @Override
    public int idleCount(int content) {
        QeConnection writer = writers.get(content);
        return writer != null && isIdle(writer) ? 1 : 0;
    }

    @Override
    public List<QeConnection> takeIdle() {
        return writers.values().stream().filter(this::isIdle).map(this::lend).toList();
    }

    @Override
    public void settingsChanged(Map<String, String> changed) {
        Map<String, String> merged = new HashMap<>(settings);
        merged.putAll(changed);
        settings = Map.copyOf(merged);
    }

    @Override
    public void cleanupIdle(boolean includeWriters) {
        if (includeWriters) {
            for (QeConnection writer : List.copyOf(writers.values())) {
                if (isIdle(writer)) {
                    destroy(writer, DestroyReason.CLEANUP);
                }
            }
        }
    }

    @Override
    public boolean writerLost() {
        return writerLost;
    }

    @Override
    public List<QeInfo> qes() {
        return live.values().stream().sorted(Comparator.comparingInt(QeInfo::identifier)).toList();
    }

    @Override
    public DispatchStats stats() {
        return counters.snapshot();
    }

    @Override
    public void close() {
        closed = true;
        for (QeConnection qe : List.copyOf(live.keySet())) {
            destroy(qe, DestroyReason.SESSION_CLOSED);
        }
    }
}
