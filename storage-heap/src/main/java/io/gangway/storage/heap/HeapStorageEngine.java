package io.gangway.storage.heap;

import static io.gangway.storage.heap.IoErrors.ioError;
import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.storage.StorageEngine;
import io.gangway.spi.storage.TableScan;
import io.gangway.spi.storage.TableWriter;
import io.gangway.spi.storage.Visibility;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The heap storage engine of a process: a table's rows in {@code <dataDirectory>/base/<id>/<id>}
 * (and {@code <id>.1}, … past a segment's size), as PostgreSQL lays out {@code base/<db>/<relfilenode>}.
 * Tables are opened on first use and stay open until dropped or the engine closes. Thread-safe.
 */
public final class HeapStorageEngine implements StorageEngine {
    /** 1 GB segment files, as PostgreSQL's {@code RELSEG_SIZE}. */
    public static final int DEFAULT_PAGES_PER_SEGMENT = (1 << 30) / HeapPage.SIZE;
    private static final System.Logger LOG = System.getLogger(HeapStorageEngine.class.getName());

    private final Path dataDirectory;
    private final Path base;
    private final int pagesPerSegment;
    private final ConcurrentMap<Long, HeapRelation> relations = new ConcurrentHashMap<>();
    /** Serializes CREATE and DROP of tables; reads and writes do not take it. */
    private final ReentrantLock ddl = new ReentrantLock();

    public HeapStorageEngine(Path dataDirectory) {
        this(dataDirectory, DEFAULT_PAGES_PER_SEGMENT);
    }

    /** {@code pagesPerSegment}: blocks per segment file; small values let tests cross segments. */
    public HeapStorageEngine(Path dataDirectory, int pagesPerSegment) {
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
        this.base = dataDirectory.resolve("base");
        if (pagesPerSegment < 1) {
            throw new IllegalArgumentException("pagesPerSegment must be positive");
        }
        this.pagesPerSegment = pagesPerSegment;
    }

    Path tableDirectory(long tableId) {
        return base.resolve(Long.toString(tableId));
    }

    @Override
    public void createTable(TableDescriptor table) {
        ddl.lock();
        try {
            createFiles(table.id());
            relation(table);
        } finally {
            ddl.unlock();
        }
    }

    private void createFiles(long id) {
        Path directory = tableDirectory(id);
        Path file = directory.resolve(Long.toString(id));
        if (Files.exists(file)) {
            return;
        }
        try {
            boolean newBase = !Files.isDirectory(base);
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(file,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            RelationFiles.forceDirectory(directory);
            RelationFiles.forceDirectory(base);
            if (newBase) {
                RelationFiles.forceDirectory(dataDirectory);
            }
            LOG.log(Level.DEBUG, "created heap relation {0}", file);
        } catch (IOException e) {
            throw ioError("could not create file \"" + file + "\"", e);
        }
    }

    @Override
    public void dropTable(TableDescriptor table) {
        ddl.lock();
        try {
            HeapRelation open = relations.remove(table.id());
            try {
                if (open != null) {
                    open.close();
                }
            } finally {
                deleteDirectory(tableDirectory(table.id()));
            }
        } finally {
            ddl.unlock();
        }
    }

    private void deleteDirectory(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
            RelationFiles.forceDirectory(base);
            LOG.log(Level.DEBUG, "dropped heap relation {0}", directory);
        } catch (NoSuchFileException e) {
            LOG.log(Level.DEBUG, "heap relation {0} vanished while being dropped", directory);
        } catch (IOException e) {
            throw ioError("could not remove directory \"" + directory + "\"", e);
        }
    }

    @Override
    public TableWriter openWriter(TableDescriptor table, long xid) {
        return new HeapTableWriter(relation(table), table, xid);
    }

    @Override
    public TableScan scan(TableDescriptor table, List<Integer> columns, Visibility visibility) {
        requireNonNull(visibility, "visibility is null");
        for (int column : columns) {
            if (column < 0 || column >= table.columns().size()) {
                throw new IllegalArgumentException("no column " + column + " in table " + table.qualifiedName());
            }
        }
        return new HeapTableScan(relation(table), table, columns, visibility);
    }

    private HeapRelation relation(TableDescriptor table) {
        HeapRelation open = relations.get(table.id());
        return open != null ? open : relations.computeIfAbsent(table.id(), id -> openRelation(table));
    }

    private HeapRelation openRelation(TableDescriptor table) {
        Path directory = tableDirectory(table.id());
        String fileName = Long.toString(table.id());
        if (!Files.exists(directory.resolve(fileName))) {
            throw new SqlException(SqlState.UNDEFINED_TABLE,
                    "relation \"" + table.qualifiedName() + "\" does not exist");
        }
        try {
            return new HeapRelation(RelationFiles.open(directory, fileName, pagesPerSegment));
        } catch (IOException e) {
            throw ioError("could not open file \"" + directory.resolve(fileName) + "\"", e);
        }
    }

    @Override
    public void close() {
        SqlException failure = null;
        for (Long id : List.copyOf(relations.keySet())) {
            HeapRelation relation = relations.remove(id);
            if (relation != null) {
                try {
                    relation.close();
                } catch (SqlException e) {
                    // Close the others all the same; report the first failure.
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
