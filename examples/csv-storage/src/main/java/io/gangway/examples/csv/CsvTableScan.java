package io.gangway.examples.csv;

import io.gangway.api.Batch;
import io.gangway.api.ColumnVector;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.storage.TableScan;
import io.gangway.spi.storage.Visibility;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads a table's file from the start to the length it had when the scan opened: each record's
 * {@code xmin} goes to the {@link Visibility} (with {@code xmax} 0: nothing is ever deleted), and
 * the visible ones are decoded into the requested columns only, {@link Batch#DEFAULT_ROWS} at most
 * per batch.
 */
final class CsvTableScan implements TableScan {
    private final CsvRecordReader reader;
    private final CsvLineCodec codec;
    private final int[] columns;
    private final List<SqlType> outputTypes;
    private final int fieldCount;
    private final Visibility visibility;
    private final String source;
    private boolean closed;

    CsvTableScan(CsvRecordReader reader, TableDescriptor table, List<Integer> columns, Visibility visibility, String source) {
        this.reader = reader;
        this.codec = new CsvLineCodec(table.columnTypes());
        this.columns = columns.stream().mapToInt(Integer::intValue).toArray();
        this.outputTypes = columns.stream().map(table.columnTypes()::get).toList();
        this.fieldCount = table.columns().size() + 1;
        this.visibility = visibility;
        this.source = source;
    }

    @Override
    public Optional<Batch> next() {
        if (closed) {
            throw new IllegalStateException("scan closed");
        }
        ColumnVector.Builder[] builders = new ColumnVector.Builder[columns.length];
        for (int i = 0; i < columns.length; i++) {
            builders[i] = ColumnVector.builder(outputTypes.get(i), Batch.DEFAULT_ROWS);
        }
        int rows = 0;
        while (rows < Batch.DEFAULT_ROWS) {
            List<@Nullable String> fields = nextRecord();
            if (fields == null) {
                break; // the end, or a torn last record of a crashed, uncommitted append
            }
            long offset = reader.recordEnd();
            try {
                if (fields.size() != fieldCount) {
                    throw new IllegalArgumentException(fields.size() + " fields where " + fieldCount + " belong");
                }
                if (!visibility.isVisible(CsvLineCodec.xmin(fields.get(0)), 0)) {
                    continue;
                }
                for (int i = 0; i < columns.length; i++) {
                    builders[i].append(codec.decode(columns[i], fields.get(columns[i] + 1)));
                }
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                // NumberFormatException is an IllegalArgumentException too.
                throw new SqlException(SqlState.DATA_CORRUPTED,
                        "invalid record ending at byte " + offset + " of file \"" + source + "\": " + e.getMessage(), e);
            }
            rows++;
        }
        if (rows == 0) {
            return Optional.empty();
        }
        List<ColumnVector> vectors = new ArrayList<>(columns.length);
        for (ColumnVector.Builder builder : builders) {
            vectors.add(builder.build());
        }
        return Optional.of(new Batch(vectors, rows));
    }

    private @Nullable List<@Nullable String> nextRecord() {
        try {
            return reader.next();
        } catch (IOException e) {
            throw new SqlException(SqlState.IO_ERROR, "could not read file \"" + source + "\": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            reader.close();
        } catch (IOException e) {
            throw new SqlException(SqlState.IO_ERROR, "could not close file \"" + source + "\": " + e.getMessage(), e);
        }
    }
}
