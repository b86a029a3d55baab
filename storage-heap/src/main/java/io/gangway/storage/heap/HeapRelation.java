package io.gangway.storage.heap;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * What the writers and scans of one table share in a process: its files, the number of blocks
 * handed out, and the pages with free space that no writer holds.
 *
 * <p>Every page being filled belongs to exactly one writer, from the moment the writer takes it
 * ({@link #takePage}: a released page with room, or a new block at the end) to the moment it gives
 * it back ({@link #releasePage}); so concurrent writers never touch the same page, and only block
 * allocation is serialized. A page write and a page read of the same block exclude each other
 * (a read-write lock), so a scan never sees half of a page a writer is writing.
 */
final class HeapRelation implements AutoCloseable {
    /** Pages with less room than this are not worth offering to the next writer. */
    static final int MIN_USEFUL_FREE_SPACE = 256;
    private static final int MAX_FREE_PAGES = 1024;

    private record FreePage(int block, int freeSpace) {
    }

    private final RelationFiles files;
    private final ReentrantLock allocation = new ReentrantLock();
    private final ReadWriteLock pageIo = new ReentrantReadWriteLock();
    private final ArrayDeque<FreePage> freePages = new ArrayDeque<>();
    private int blocks;

    HeapRelation(RelationFiles files) {
        this.files = files;
        this.blocks = files.initialBlocks();
        if (blocks > 0) {
            // The last page is where the previous run left room; earlier pages are full or holes.
            HeapPage last = new HeapPage();
            readPage(blocks - 1, last, false);
            if (!last.isNew() && last.isValid(blocks - 1) && last.freeSpace() >= MIN_USEFUL_FREE_SPACE) {
                freePages.add(new FreePage(blocks - 1, last.freeSpace()));
            }
        }
    }

    String displayName() {
        return files.displayName();
    }

    /** Blocks handed out so far: what a scan starting now reads. */
    int blockCount() {
        allocation.lock();
        try {
            return blocks;
        } finally {
            allocation.unlock();
        }
    }

    /**
     * Gives a writer a page with room for a tuple of {@code tupleLength} bytes: a released one,
     * read into {@code page}, or a new block, initialized in {@code page}. Returns its block.
     */
    int takePage(int tupleLength, HeapPage page) {
        allocation.lock();
        try {
            for (Iterator<FreePage> it = freePages.iterator(); it.hasNext(); ) {
                FreePage free = it.next();
                if (free.freeSpace() >= tupleLength) {
                    it.remove();
                    readPage(free.block(), page, true);
                    if (page.isNew()) {
                        page.initialize();
                    }
                    if (page.hasRoomFor(tupleLength)) {
                        return free.block();
                    }
                    // Stale hint (should not happen): forget the page and take another.
                }
            }
            page.initialize();
            return blocks++;
        } finally {
            allocation.unlock();
        }
    }

    /** A writer is done with a page it took (written already); offers its room to the next writer. */
    void releasePage(int block, int freeSpace) {
        if (freeSpace < MIN_USEFUL_FREE_SPACE) {
            return;
        }
        allocation.lock();
        try {
            if (freePages.size() == MAX_FREE_PAGES) {
                freePages.removeFirst();
            }
            freePages.addLast(new FreePage(block, freeSpace));
        } finally {
            allocation.unlock();
        }
    }

    /** Reads a block, verifying its checksum when {@code verify}. */
    void readPage(int block, HeapPage page, boolean verify) {
        pageIo.readLock().lock();
        try {
            files.read(block, page);
        } finally {
            pageIo.readLock().unlock();
        }
        if (verify) {
            page.verify(block, displayName());
        }
    }

    /** Sets the page's checksum and writes it; returns the segment number to fsync. */
    int writePage(int block, HeapPage page) {
        page.updateChecksum(block);
        pageIo.writeLock().lock();
        try {
            files.write(block, page);
        } finally {
            pageIo.writeLock().unlock();
        }
        return files.segmentOf(block);
    }

    /**
     * Makes the writes to these segments durable, and the directory too when a segment file was
     * created since it was last synced (whoever created it).
     */
    void sync(Collection<Integer> segnos) {
        files.force(segnos);
        files.forceDirectoryIfCreated();
    }

    @Override
    public void close() {
        files.close();
    }
}
