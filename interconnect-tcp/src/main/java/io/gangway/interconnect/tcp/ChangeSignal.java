package io.gangway.interconnect.tcp;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes a thread blocked on an interconnect end when something may have changed (a chunk came, a
 * channel became writable, a peer stopped, the end was closed). Waiters read {@link #generation()}
 * before checking their state and wait for it to move, so a change between the check and the wait
 * is never lost. Event-loop threads only ever {@link #signal()}, which never blocks for long.
 */
final class ChangeSignal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long generation;

    long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    void signal() {
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
    void awaitChange(long seen, long maxNanos) {
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

    static long nanos(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
