package io.gangway.storage.heap;

import static io.gangway.storage.heap.IoErrors.ioError;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The segment files of one relation: {@code <id>}, {@code <id>.1}, … in the table's directory,
 * each holding {@code pagesPerSegment} blocks (1 GB by default), as PostgreSQL's {@code md.c}.
 * Reads and writes are positional, so channels are shared by every writer and scan of the table.
 * Thread-safe.
 */
final class RelationFiles implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RelationFiles.class.getName());

    private final Path directory;
    private final String fileName;
    private final int pagesPerSegment;
    private final List<FileChannel> segments = new ArrayList<>();
    private final int initialBlocks;
    private final ReentrantLock directorySync = new ReentrantLock();
    private volatile boolean directoryDirty;
    private boolean closed;

    private RelationFiles(Path directory, String fileName, int pagesPerSegment) throws IOException {
        this.directory = directory;
        this.fileName = fileName;
        this.pagesPerSegment = pagesPerSegment;
        long blocks = 0;
        for (int segno = 0; Files.exists(segmentPath(segno)); segno++) {
            FileChannel channel = FileChannel.open(segmentPath(segno), StandardOpenOption.READ, StandardOpenOption.WRITE);
            segments.add(channel);
            long size = channel.size();
            if (size % HeapPage.SIZE != 0) {
                // A crash in the middle of extending the file: the partial page never held anything
                // flushed, so it goes, and the block is written whole next time.
                LOG.log(Level.WARNING, "truncating torn trailing page of {0} ({1} bytes)", segmentPath(segno), size);
                channel.truncate(size - size % HeapPage.SIZE);
                channel.force(true);
            }
            blocks = (long) segno * pagesPerSegment + channel.size() / HeapPage.SIZE;
        }
        if (segments.isEmpty()) {
            throw new IOException("no such file " + segmentPath(0));
        }
        this.initialBlocks = Math.toIntExact(blocks);
    }

    /** Opens the relation's existing files, cutting a torn page off the end of each. */
    static RelationFiles open(Path directory, String fileName, int pagesPerSegment) throws IOException {
        return new RelationFiles(directory, fileName, pagesPerSegment);
    }

    /** Blocks in the files when they were opened. */
    int initialBlocks() {
        return initialBlocks;
    }

    String displayName() {
        return directory.getParent().getFileName() + "/" + directory.getFileName() + "/" + fileName;
    }

    Path segmentPath(int segno) {
        return directory.resolve(segno == 0 ? fileName : fileName + "." + segno);
    }

    int segmentOf(int block) {
        return block / pagesPerSegment;
    }

    /**
     * Reads block {@code block} into {@code page}; a block past the end of its file (allocated but
     * not written yet, or cut off by a crash) reads as a new, all-zero page.
     */
    void read(int block, HeapPage page) {
        ByteBuffer buffer = page.buffer();
        long position = positionOf(block);
        int segno = segmentOf(block);
        if (existingChannel(segno) != null) {
            onChannel(segno, () -> "could not read block " + block + " in file \"" + displayName() + "\"",
                    channel -> {
                        buffer.clear();
                        int n = 0;
                        while (buffer.hasRemaining() && n >= 0) {
                            n = channel.read(buffer, position + buffer.position());
                        }
                    });
        } else {
            buffer.clear();
        }
        if (buffer.hasRemaining()) {
            // Short: the page does not exist on disk (yet), or only part of it does after a crash.
            Arrays.fill(page.bytes(), (byte) 0);
        }
        buffer.clear();
    }

    /** Writes {@code page} at {@code block}, creating the segment file if needed. */
    void write(int block, HeapPage page) {
        int segno = segmentOf(block);
        channel(segno);
        ByteBuffer buffer = page.buffer();
        long position = positionOf(block);
        try {
            onChannel(segno, () -> "could not write block " + block + " in file \"" + displayName() + "\"",
                    channel -> {
                        buffer.clear();
                        while (buffer.hasRemaining()) {
                            channel.write(buffer, position + buffer.position());
                        }
                    });
        } finally {
            buffer.clear();
        }
    }

    /** fsyncs the segment files holding {@code segnos}. */
    void force(Iterable<Integer> segnos) {
        for (int segno : segnos) {
            if (existingChannel(segno) != null) {
                onChannel(segno, () -> "could not fsync file \"" + segmentPath(segno) + "\"",
                        channel -> channel.force(true));
            }
        }
    }

    private interface ChannelOperation {
        void run(FileChannel channel) throws IOException;
    }

    /**
     * Runs an I/O on a segment's shared channel. Java closes a channel when a thread using it is
     * interrupted, for every thread: the interrupted one gets 57014, and the channel is opened
     * again so that the other writers and scans of the table carry on (retrying once).
     */
    private void onChannel(int segno, Supplier<String> what, ChannelOperation operation) {
        for (int attempt = 0; ; attempt++) {
            @Nullable FileChannel channel = existingChannel(segno);
            if (channel == null) {
                throw ioError(what.get(), new ClosedChannelException());
            }
            try {
                operation.run(channel);
                return;
            } catch (ClosedByInterruptException e) {
                reopen(segno, channel);
                throw new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request", e);
            } catch (ClosedChannelException e) {
                if (attempt > 0 || !reopen(segno, channel)) {
                    throw ioError(what.get(), e);
                }
            } catch (IOException e) {
                throw ioError(what.get(), e);
            }
        }
    }

    /** Replaces a channel closed under us, unless the files were closed on purpose. */
    private synchronized boolean reopen(int segno, FileChannel stale) {
        if (closed || segno >= segments.size()) {
            return false;
        }
        if (segments.get(segno) == stale) {
            try {
                segments.set(segno, FileChannel.open(segmentPath(segno), StandardOpenOption.READ, StandardOpenOption.WRITE));
            } catch (IOException e) {
                throw ioError("could not open file \"" + segmentPath(segno) + "\"", e);
            }
        }
        return true;
    }

    /**
     * fsyncs the table's directory if a segment file was created since it was last synced (by any
     * writer), so that the file's name survives a crash. Returns once that sync is complete, even
     * when another thread does it.
     */
    void forceDirectoryIfCreated() {
        if (!directoryDirty) {
            return;
        }
        directorySync.lock();
        try {
            if (directoryDirty) {
                forceDirectory(directory);
                directoryDirty = false;
            }
        } finally {
            directorySync.unlock();
        }
    }

    static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw ioError("could not fsync directory \"" + directory + "\"", e);
        }
    }

    private long positionOf(int block) {
        return (long) (block % pagesPerSegment) * HeapPage.SIZE;
    }

    private synchronized @Nullable FileChannel existingChannel(int segno) {
        return segno < segments.size() ? segments.get(segno) : null;
    }

    private synchronized FileChannel channel(int segno) {
        if (closed) {
            throw ioError("could not open file \"" + segmentPath(segno) + "\"", new ClosedChannelException());
        }
        try {
            while (segments.size() <= segno) {
                Path path = segmentPath(segments.size());
                boolean creating = !Files.exists(path);
                segments.add(FileChannel.open(path,
                        StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
                if (creating) {
                    directoryDirty = true;
                }
            }
        } catch (IOException e) {
            throw ioError("could not open file \"" + segmentPath(segments.size()) + "\"", e);
        }
        return segments.get(segno);
    }

    @Override
    public synchronized void close() {
        closed = true;
        IOException failure = null;
        for (FileChannel channel : segments) {
            try {
                channel.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        segments.clear();
        if (failure != null) {
            throw ioError("could not close file \"" + displayName() + "\"", failure);
        }
    }
}
