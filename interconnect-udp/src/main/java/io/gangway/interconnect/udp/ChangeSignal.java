package io.gangway.interconnect.udp;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes a QE thread blocked in an interconnect call when its state may have changed (an ack opened
 * the window, a chunk arrived, a peer stopped, the end was closed). A waiter reads
 * {@link #generation()} before it checks its state and then waits for the generation to move, so
 * no change between the check and the wait is lost. The event loop only ever signals.
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

    /** Waits until the generation moves past {@code seen} or {@code maxNanos} pass; interrupted means canceled (57014). */
    void awaitChange(long seen, long maxNanos) {
        lock.lock();
        try {
            long nanos = maxNanos;
            while (generation == seen && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            throw UdpErrors.interrupted();
        } finally {
            lock.unlock();
        }
    }
}
