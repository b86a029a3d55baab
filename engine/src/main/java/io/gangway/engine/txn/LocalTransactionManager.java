package io.gangway.engine.txn;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.storage.Visibility;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A segment's own transactions: hands out transaction ids and records commits in a commit log
 * ({@code pg_xact/commit.log}: the committed ids, 8 bytes each, appended and fsync'd before a
 * commit returns). Row versions whose {@code xmin} is not in the log are invisible, so rows of a
 * transaction that crashed before its commit record never appear.
 *
 * <p>Ids are never reused, even across crashes: ids are taken from blocks whose upper bound is
 * fsync'd to {@code pg_xact/next_xid} before any id of the block is handed out.
 */
public final class LocalTransactionManager implements AutoCloseable {
    /** PostgreSQL's first normal transaction id; smaller ones are reserved. */
    public static final long FIRST_XID = 3;
    private static final long BLOCK = 1024;

    private final Path directory;
    private final FileChannel commitLog;
    private final Set<Long> committed = ConcurrentHashMap.newKeySet();
    private long nextXid;
    private long reservedUpTo;

    private LocalTransactionManager(Path directory, FileChannel commitLog, long nextXid) {
        this.directory = directory;
        this.commitLog = commitLog;
        this.nextXid = nextXid;
        this.reservedUpTo = nextXid;
    }

    public static LocalTransactionManager open(Path dataDirectory) {
        Path directory = dataDirectory.resolve("pg_xact");
        try {
            Files.createDirectories(directory);
            Path next = directory.resolve("next_xid");
            long nextXid = Files.exists(next) ? Long.parseLong(Files.readString(next).strip()) : FIRST_XID;
            FileChannel log = FileChannel.open(directory.resolve("commit.log"), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            LocalTransactionManager manager = new LocalTransactionManager(directory, log, nextXid);
            manager.loadCommitLog();
            return manager;
        } catch (IOException | NumberFormatException e) {
            throw new SqlException(SqlState.IO_ERROR, "could not open transaction state in " + directory + ": " + e.getMessage(), e);
        }
    }

    private void loadCommitLog() throws IOException {
        long size = commitLog.size();
        long whole = size - size % Long.BYTES;
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(whole, 1 << 20));
        long position = 0;
        while (position < whole) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), whole - position));
            int read = commitLog.read(buffer, position);
            if (read <= 0) {
                break;
            }
            position += read;
            buffer.flip();
            while (buffer.remaining() >= Long.BYTES) {
                committed.add(buffer.getLong());
            }
        }
        // A torn record from a crash mid-append is cut off: its transaction never committed.
        commitLog.truncate(whole);
        commitLog.position(whole);
    }

    /** A new transaction id, never handed out before. */
    public synchronized long begin() {
        if (nextXid >= reservedUpTo) {
            reservedUpTo = nextXid + BLOCK;
            writeDurably(directory.resolve("next_xid"), Long.toString(reservedUpTo));
        }
        return nextXid++;
    }

    /** Records the commit durably; after this returns the transaction's rows survive any crash. */
    public synchronized void commit(long xid) {
        try {
            ByteBuffer record = ByteBuffer.allocate(Long.BYTES).putLong(xid).flip();
            while (record.hasRemaining()) {
                commitLog.write(record);
            }
            commitLog.force(false);
            committed.add(xid);
        } catch (IOException e) {
            throw new SqlException(SqlState.IO_ERROR, "could not write commit record: " + e.getMessage(), e);
        }
    }

    /** An aborted transaction needs no record: having none is what aborted means. */
    public void abort(long xid) {
        committed.remove(xid);
    }

    public boolean isCommitted(long xid) {
        return committed.contains(xid);
    }

    /**
     * What a statement of transaction {@code ownXid} sees (0 for a read-only statement): committed
     * versions not removed by a committed transaction, and its own.
     */
    public Visibility visibility(long ownXid) {
        return (xmin, xmax) -> (xmin == ownXid || committed.contains(xmin))
                && (xmax == 0 || !(xmax == ownXid || committed.contains(xmax)));
    }

    private static void writeDurably(Path file, String content) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(content.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            channel.force(true);
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            }
        } catch (IOException e) {
            throw new SqlException(SqlState.IO_ERROR, "could not write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            commitLog.close();
        } catch (IOException e) {
            throw new SqlException(SqlState.IO_ERROR, "could not close commit log: " + e.getMessage(), e);
        }
    }
}
