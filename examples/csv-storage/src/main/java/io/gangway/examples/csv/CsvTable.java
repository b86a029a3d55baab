package io.gangway.examples.csv;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.catalog.TableDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One table's file on this segment, and the lock that orders everything that changes its length.
 *
 * <p>Writers append whole records under the lock, so at any moment the file's length outside the
 * lock is the end of a complete record; a scan takes that length when it opens and reads no
 * further, so it never sees half a record, and rows appended later are simply not its business.
 *
 * <p>A crash in the middle of an append can leave a torn last record (data never flushed, so of a
 * transaction that never committed). Scans ignore it; the first append of a process cuts it off
 * ({@link #repairTornTail}), so that nothing is ever appended after half a record.
 */
final class CsvTable {
    private final Path file;
    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    /** Whether this process has checked the file for a torn tail; guarded by {@link #lock}. */
    private boolean repaired;

    CsvTable(Path file, TableDescriptor table) {
        this.file = file;
        this.name = table.name();
    }

    /** Creates the empty file if there is none, and makes it and its directory entry durable. */
    void create() {
        lock.lock();
        try {
            Path directory = file.getParent();
            boolean newDirectory = !Files.isDirectory(directory);
            Files.createDirectories(directory);
            if (newDirectory) {
                fsyncDirectory(directory.getParent());
            }
            if (!Files.exists(file)) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                fsyncDirectory(directory);
            }
            repaired = true;
        } catch (IOException e) {
            throw ioError("could not create file", e);
        } finally {
            lock.unlock();
        }
    }

    /** Deletes the file, if any. A scan that opened it before keeps reading what it had. */
    void drop() {
        lock.lock();
        try {
            if (Files.deleteIfExists(file)) {
                fsyncDirectory(file.getParent());
            }
            repaired = false;
        } catch (IOException e) {
            throw ioError("could not remove file", e);
        } finally {
            lock.unlock();
        }
    }

    /** Fails with 42P01 unless the table has a file here: for {@code openWriter}, which writes nothing yet. */
    void checkExists() {
        if (!Files.exists(file)) {
            throw undefined();
        }
    }

    /**
     * Appends whole records in one write. With {@code sync}, returns only once they are on disk.
     * If the write fails, the file is cut back to its length before it, so no half record stays.
     */
    void append(byte[] records, boolean sync) {
        lock.lock();
        try (FileChannel channel = openExisting(StandardOpenOption.WRITE)) {
            repairTornTail(channel);
            long before = channel.size();
            try {
                ByteBuffer buffer = ByteBuffer.wrap(records);
                channel.position(before);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (sync) {
                    channel.force(false);
                }
            } catch (IOException e) {
                try {
                    channel.truncate(before);
                } catch (IOException truncateFailure) {
                    e.addSuppressed(truncateFailure);
                }
                throw e;
            }
        } catch (IOException e) {
            throw ioError("could not write to file", e);
        } finally {
            lock.unlock();
        }
    }

    /** Opens a scan's reader over the file as long as it is now; the caller closes the stream. */
    CsvRecordReader openReader() {
        lock.lock();
        @Nullable FileChannel channel = null;
        try {
            channel = openExisting(StandardOpenOption.READ);
            long length = channel.size();
            InputStream in = Channels.newInputStream(channel);
            return new CsvRecordReader(in, length, file.toString());
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw ioError("could not open file", e);
        } finally {
            lock.unlock();
        }
    }

    private FileChannel openExisting(StandardOpenOption mode) throws IOException {
        try {
            return FileChannel.open(file, mode);
        } catch (NoSuchFileException e) {
            throw undefined();
        }
    }

    /**
     * Cuts off a last record that a crash left incomplete, once per process (under the lock). Reads
     * the whole file, which is the price of a format without block checksums; a real engine would
     * keep a small trailer or a write-ahead log instead.
     */
    private void repairTornTail(FileChannel channel) throws IOException {
        if (repaired) {
            return;
        }
        long length = channel.size();
        long end;
        try (CsvRecordReader reader = new CsvRecordReader(Channels.newInputStream(FileChannel.open(file)), length, file.toString())) {
            while (reader.next() != null) {
                // only where the last complete record ends matters
            }
            end = reader.recordEnd();
        }
        if (end < length) {
            channel.truncate(end);
            channel.force(false);
        }
        repaired = true;
    }

    private static void closeQuietly(@Nullable FileChannel channel, IOException failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static void fsyncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private SqlException undefined() {
        return new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" has no storage on this segment");
    }

    private SqlException ioError(String what, IOException cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new SqlException(SqlState.IO_ERROR, what + " \"" + file + "\": " + reason, cause);
    }
}
