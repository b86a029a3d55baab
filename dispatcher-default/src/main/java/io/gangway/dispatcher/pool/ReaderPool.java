package io.gangway.dispatcher.pool;

import io.gangway.api.SqlException;
import io.gangway.dispatcher.DispatcherConfig;
import io.gangway.spi.dispatch.DispatchStats.DestroyReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.apache.commons.pool2.BaseKeyedPooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericKeyedObjectPool;
import org.apache.commons.pool2.impl.GenericKeyedObjectPoolConfig;
import org.jspecify.annotations.Nullable;

/**
 * The session's idle reader QEs in one Commons Pool 2 {@link GenericKeyedObjectPool} keyed by
 * content, which validates a reader when it is lent ({@code valid}) and evicts those idle longer
 * than {@code gp_vmem_idle_resource_timeout}. A gang's new readers are connected beforehand,
 * concurrently, and put in through {@link #lendNew} (the pool's factory hands them over); a borrow
 * that finds nothing prepared connects one itself ({@code connectNow}). Every reader the pool lets
 * go reaches {@code destroyed}.
 */
final class ReaderPool {
    private final GenericKeyedObjectPool<Integer, PooledQe> pool;
    private final Map<Integer, Queue<PooledQe>> prepared = new ConcurrentHashMap<>();
    private final IntFunction<PooledQe> connectNow;

    ReaderPool(DispatcherConfig config, IntFunction<PooledQe> connectNow, Predicate<PooledQe> valid,
            Consumer<PooledQe> destroyed) {
        this.connectNow = connectNow;
        GenericKeyedObjectPoolConfig<PooledQe> pc = new GenericKeyedObjectPoolConfig<>();
        pc.setJmxEnabled(false);
        pc.setMaxTotalPerKey(-1);
        pc.setMaxTotal(-1);
        // The idle threshold is applied at release, per content and with a reason, not by the pool.
        pc.setMaxIdlePerKey(-1);
        pc.setMinIdlePerKey(0);
        pc.setLifo(true);
        pc.setTestOnBorrow(true);
        pc.setTestWhileIdle(true);
        pc.setBlockWhenExhausted(false);
        pc.setMaxWait(config.connectTimeout());
        pc.setNumTestsPerEvictionRun(-1);
        this.pool = new GenericKeyedObjectPool<>(new Factory(valid, destroyed), pc);
        applyEviction(config);
    }

    /** Greenplum frees idle readers after {@code gp_vmem_idle_resource_timeout}; 0 keeps them. */
    void applyEviction(DispatcherConfig config) {
        Duration idle = config.idleResourceTimeout();
        if (idle.isZero() || idle.isNegative()) {
            pool.setTimeBetweenEvictionRuns(Duration.ofMillis(-1));
            return;
        }
        pool.setMinEvictableIdleDuration(idle);
        pool.setTimeBetweenEvictionRuns(Duration.ofMillis(Math.max(10, Math.min(1_000, idle.toMillis() / 2))));
    }

    int idle(int content) {
        return pool.getNumIdle(content);
    }

    /** An idle reader of the content, or null when none is idle (or none passed validation). */
    @Nullable PooledQe lendIdle(int content) {
        return pool.getNumIdle(content) == 0 ? null : borrow(content);
    }

    /** Lends {@code reader}, connected beforehand for this gang, through the pool (which then tracks it). */
    PooledQe lendNew(PooledQe reader, Consumer<PooledQe> discard) {
        prepared.computeIfAbsent(reader.content(), c -> new ConcurrentLinkedQueue<>()).add(reader);
        try {
            return borrow(reader.content());
        } finally {
            Queue<PooledQe> left = prepared.remove(reader.content());
            if (left != null) {
                left.forEach(discard);
            }
        }
    }

    private PooledQe borrow(int content) {
        try {
            return pool.borrowObject(content);
        } catch (Exception e) {
            throw SqlException.of(e);
        }
    }

    /** Lends every idle reader (for a SET). */
    List<PooledQe> lendAllIdle() {
        List<PooledQe> taken = new ArrayList<>();
        for (Integer content : pool.getKeys()) {
            while (pool.getNumIdle(content) > 0) {
                taken.add(borrow(content));
            }
        }
        return taken;
    }

    /** Takes a lent reader back, idle. */
    void giveBack(PooledQe reader) throws Exception {
        pool.returnObject(reader.content(), reader);
    }

    /** Lets a lent reader go for {@code reason} (the pool's destroy callback then closes it). */
    void invalidate(PooledQe reader, DestroyReason reason) throws Exception {
        reader.destroyReason(reason);
        pool.invalidateObject(reader.content(), reader);
    }

    /** Lets every idle reader go. */
    void clear() {
        pool.clear();
    }

    void close() {
        pool.close();
        prepared.clear();
    }

    /** The Commons Pool view of the readers. */
    private final class Factory extends BaseKeyedPooledObjectFactory<Integer, PooledQe> {
        private final Predicate<PooledQe> valid;
        private final Consumer<PooledQe> destroyed;

        Factory(Predicate<PooledQe> valid, Consumer<PooledQe> destroyed) {
            this.valid = valid;
            this.destroyed = destroyed;
        }

        /** The reader connected for this content beforehand, else a new one now. */
        @Override
        public PooledQe create(Integer content) {
            Queue<PooledQe> queue = prepared.get(content);
            PooledQe qe = queue == null ? null : queue.poll();
            return qe != null ? qe : connectNow.apply(content);
        }

        @Override
        public PooledObject<PooledQe> wrap(PooledQe qe) {
            return new DefaultPooledObject<>(qe);
        }

        @Override
        public boolean validateObject(Integer content, PooledObject<PooledQe> p) {
            return valid.test(p.getObject());
        }

        @Override
        public void destroyObject(Integer content, PooledObject<PooledQe> p) {
            destroyed.accept(p.getObject());
        }
    }
}
