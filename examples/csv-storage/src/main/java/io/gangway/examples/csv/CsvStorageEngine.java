package io.gangway.examples.csv;

import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.storage.StorageEngine;
import io.gangway.spi.storage.TableScan;
import io.gangway.spi.storage.TableWriter;
import io.gangway.spi.storage.Visibility;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A storage engine that keeps each table, on each segment, as one CSV file:
 * {@code <dataDirectory>/csv/<tableId>.csv}, one record per row version (format in
 * {@link CsvLineCodec}). It only appends: there is no {@code UPDATE} or {@code DELETE}, so every
 * version's {@code xmax} is 0, and the file is the whole state (no catalog, no cache, nothing to
 * rebuild at start).
 *
 * <p>Threads: QE sessions call it from many threads at once. Each table has one {@link CsvTable}
 * whose lock orders appends, creation and removal; scans read without the lock, up to the length
 * the file had when they opened.
 *
 * <p>Durability: {@link TableWriter#flush()} returns once its records are fsync'd, as the SPI
 * asks; {@link #createTable} fsyncs the new file and its directory.
 */
public final class CsvStorageEngine implements StorageEngine {
    private final Path directory;
    private final Map<Long, CsvTable> tables = new ConcurrentHashMap<>();

    /** An engine over a process's data directory; its files go to the {@code csv} directory in it. */
    public CsvStorageEngine(Path dataDirectory) {
        this.directory = dataDirectory.resolve("csv");
    }

    @Override
    public void createTable(TableDescriptor table) {
        tableOf(table).create();
    }

    @Override
    public void dropTable(TableDescriptor table) {
        tableOf(table).drop();
    }

    @Override
    public TableWriter openWriter(TableDescriptor table, long xid) {
        CsvTable csv = tableOf(table);
        csv.checkExists();
        return new CsvTableWriter(csv, table, xid);
    }

    @Override
    public TableScan scan(TableDescriptor table, List<Integer> columns, Visibility visibility) {
        CsvTable csv = tableOf(table);
        return new CsvTableScan(csv.openReader(), table, columns, visibility, fileOf(table).toString());
    }

    /** Nothing to release: files are open only while a writer appends or a scan reads. */
    @Override
    public void close() {
    }

    private CsvTable tableOf(TableDescriptor table) {
        // One CsvTable (one lock) per table for the life of the process, also across DROP and CREATE.
        return tables.computeIfAbsent(table.id(), id -> new CsvTable(fileOf(table), table));
    }

    private Path fileOf(TableDescriptor table) {
        return directory.resolve(table.id() + ".csv");
    }
}
