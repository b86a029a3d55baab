package io.gangway.server.pgwire;

import io.gangway.api.Batch;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes backend messages to one client from the connection's own thread. Messages are buffered
 * until {@link #flush()} (ReadyForQuery, Flush, or enough row data). Rows are encoded here, off the
 * event loop, straight from the result batches; when the channel stops being writable (the client
 * reads slower than the engine produces) the connection's thread waits, so a large result never
 * piles up in memory.
 */
final class BackendWriter {
    /** Row bytes written before a flush even without a Sync, so a client sees a big result stream. */
    private static final int FLUSH_THRESHOLD = 32 * 1024;
    /** How large one buffer of DataRows grows before it is written. */
    private static final int CHUNK_SIZE = 64 * 1024;

    private final Channel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition writabilityChanged = lock.newCondition();
    private long unflushed;

    BackendWriter(Channel channel) {
        this.channel = channel;
    }

    void send(BackendMessage message) {
        channel.write(message);
    }

    void flush() {
        unflushed = 0;
        channel.flush();
    }

    /** Sends a last message (a FATAL error) and closes the connection once it is written. */
    void sendAndClose(BackendMessage message) {
        channel.writeAndFlush(message).addListener(ChannelFutureListener.CLOSE);
    }

    void close() {
        channel.close();
    }

    /** Sends rows {@code [from, to)} of {@code batch} as DataRows, waiting while the client lags. */
    void sendRows(Batch batch, int from, int to, List<SqlType> types, FormatCodes formats) {
        int row = from;
        while (row < to) {
            requireOpen();
            ByteBuf buffer = channel.alloc().buffer(Math.min(CHUNK_SIZE, 256 * (to - row)));
            try {
                while (row < to && buffer.readableBytes() < CHUNK_SIZE) {
                    PgMessageEncoder.dataRow(buffer, batch, row, types, formats);
                    row++;
                }
            } catch (RuntimeException e) {
                buffer.release();
                throw e;
            }
            unflushed += buffer.readableBytes();
            channel.write(buffer);
            if (unflushed >= FLUSH_THRESHOLD) {
                flush();
            }
            awaitWritable();
        }
    }

    /** Called by the event loop when the channel's writability changes (or it closes). */
    void writabilityChanged() {
        lock.lock();
        try {
            writabilityChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void awaitWritable() {
        if (channel.isWritable()) {
            return;
        }
        flush();
        lock.lock();
        try {
            // the event loop signals under the same lock after the state changed, so no wake-up is lost;
            // the timeout only bounds the wait should a signal come from a path we did not foresee
            while (!channel.isWritable() && channel.isActive()) {
                writabilityChanged.await(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to interrupt");
        } finally {
            lock.unlock();
        }
        requireOpen();
    }

    private void requireOpen() {
        if (!channel.isActive()) {
            throw new SqlException(SqlState.CONNECTION_FAILURE, "connection to client lost");
        }
    }
}
