package io.gangway.interconnect.support;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes a thread blocked on an interconnect end when something may have changed (a chunk came, a
 * window or channel opened, a peer stopped, the end was closed). A waiter reads {@link #generation()}
 * before it checks its state and then waits for the generation to move, so a change between the
 * check and the wait is never lost. Transport threads (event loops, timers) only ever
 * {@link #signal()}, which never blocks for long.
 */
public final class ChangeSignal {
    /** Waits re-check their state this often even without a signal: a guard, not the mechanism. */
    public static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long generation;

    public long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    public void signal() {
        lock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the generation differs from {@code seen} or {@code maxNanos} pass. An interrupted
     * waiter is being canceled: it throws {@code 57014}, keeping its interrupt status.
     */
    public void awaitChange(long seen, long maxNanos) {
        lock.lock();
        try {
            long nanos = maxNanos;
            while (generation == seen && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            throw IcErrors.interrupted();
        } finally {
            lock.unlock();
        }
    }
}
