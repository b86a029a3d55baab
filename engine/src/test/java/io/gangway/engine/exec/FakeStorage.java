package io.gangway.engine.exec;

import io.gangway.api.Batch;
import io.gangway.api.ColumnVector;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.storage.StorageEngine;
import io.gangway.spi.storage.TableScan;
import io.gangway.spi.storage.TableWriter;
import io.gangway.spi.storage.Visibility;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory storage for one "segment": rows per table, written rows visible once flushed. */
final class FakeStorage implements StorageEngine {
    final Map<Long, List<List<Object>>> tables = new ConcurrentHashMap<>();
    volatile int flushes;
    volatile int openScans;

    void load(TableDescriptor table, List<List<Object>> rows) {
        tables.computeIfAbsent(table.id(), id -> Collections.synchronizedList(new ArrayList<>())).addAll(rows);
    }

    List<List<Object>> rows(TableDescriptor table) {
        return tables.getOrDefault(table.id(), List.of());
    }

    @Override
    public void createTable(TableDescriptor table) {
        tables.putIfAbsent(table.id(), Collections.synchronizedList(new ArrayList<>()));
    }

    @Override
    public void dropTable(TableDescriptor table) {
        tables.remove(table.id());
    }

    @Override
    public TableWriter openWriter(TableDescriptor table, long xid) {
        List<List<Object>> pending = new ArrayList<>();
        return new TableWriter() {
            @Override
            public void insert(Batch rows) {
                for (int i = 0; i < rows.rowCount(); i++) {
                    pending.add(rows.row(i));
                }
            }

            @Override
            public void flush() {
                load(table, pending);
                pending.clear();
                flushes++;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public TableScan scan(TableDescriptor table, List<Integer> columns, Visibility visibility) {
        List<List<Object>> all = List.copyOf(rows(table));
        Iterator<List<Object>> rows = all.iterator();
        openScans++;
        return new TableScan() {
            private boolean closed;

            @Override
            public Optional<Batch> next() {
                if (!rows.hasNext()) {
                    return Optional.empty();
                }
                List<ColumnVector.Builder> builders = new ArrayList<>();
                for (int c : columns) {
                    builders.add(ColumnVector.builder(table.columns().get(c).type(), 16));
                }
                int n = 0;
                // Small batches, so that operators see several per scan.
                while (rows.hasNext() && n < 100) {
                    List<Object> row = rows.next();
                    for (int k = 0; k < columns.size(); k++) {
                        builders.get(k).append(row.get(columns.get(k)));
                    }
                    n++;
                }
                return Optional.of(new Batch(builders.stream().map(ColumnVector.Builder::build).toList(), n));
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    openScans--;
                }
            }
        };
    }

    @Override
    public void close() {
    }
}
