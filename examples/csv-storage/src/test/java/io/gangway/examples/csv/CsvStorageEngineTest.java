package io.gangway.examples.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.Batch;
import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.spi.Extension;
import io.gangway.spi.ExtensionContext;
import io.gangway.spi.ServiceFactory;
import io.gangway.spi.catalog.DistributionPolicy;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.storage.StorageEngine;
import io.gangway.spi.storage.TableScan;
import io.gangway.spi.storage.TableWriter;
import io.gangway.spi.storage.Visibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the contract does not see: the file itself, crash leftovers, damage, and how the server finds the engine. */
class CsvStorageEngineTest {
    private static final TableDescriptor T = new TableDescriptor(42, "public", "t",
            List.of(new Column("a", SqlType.INTEGER), new Column("b", SqlType.TEXT)), List.of(false, false),
            new DistributionPolicy.Random(1), "csv", Map.of());

    @TempDir
    Path dataDirectory;

    @Test
    void eachTableIsOneCsvFileOfRowVersions() throws IOException {
        try (StorageEngine engine = new CsvStorageEngine(dataDirectory)) {
            engine.createTable(T);
            insert(engine, 17, row(1, "one"), row(2, "a, b"), row(3, null), row(4, ""));
        }
        assertThat(Files.readString(file(), UTF_8)).isEqualTo("17,1,one\n17,2,\"a, b\"\n17,3,\\N\n17,4,\"\"\n");
    }

    @Test
    void rowsNotFlushedBeforeCloseAreNotWritten() throws IOException {
        try (StorageEngine engine = new CsvStorageEngine(dataDirectory)) {
            engine.createTable(T);
            try (TableWriter writer = engine.openWriter(T, 5)) {
                writer.insert(Batch.ofRows(T.columnTypes(), List.of(row(1, "lost"))));
            }
            assertThat(scan(engine)).isEmpty();
        }
        assertThat(Files.size(file())).isZero();
    }

    @Test
    void aRecordTornByACrashIsIgnoredAndCutOffBeforeTheNextAppend() throws IOException {
        try (StorageEngine engine = new CsvStorageEngine(dataDirectory)) {
            engine.createTable(T);
            insert(engine, 1, row(1, "kept"));
        }
        Files.writeString(file(), "2,2,\"half a\nrec", UTF_8, StandardOpenOption.APPEND);

        try (StorageEngine engine = new CsvStorageEngine(dataDirectory)) {
            assertThat(scan(engine)).containsExactly(row(1, "kept"));
            insert(engine, 3, row(3, "after"));
            assertThat(scan(engine)).containsExactly(row(1, "kept"), row(3, "after"));
        }
        assertThat(Files.readString(file(), UTF_8)).isEqualTo("1,1,kept\n3,3,after\n");
    }

    @Test
    void aDamagedRecordIsDataCorrupted() throws IOException {
        try (StorageEngine engine = new CsvStorageEngine(dataDirectory)) {
            engine.createTable(T);
            Files.writeString(file(), "1,not a number,x\n", UTF_8);
            assertThatThrownBy(() -> scan(engine))
                    .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.DATA_CORRUPTED))
                    .hasMessageContaining(file().toString());
        }
    }

    @Test
    void aWriterForATableWithNoStorageIsUndefined() {
        try (StorageEngine engine = new CsvStorageEngine(dataDirectory)) {
            assertThatThrownBy(() -> engine.openWriter(T, 1))
                    .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.UNDEFINED_TABLE));
        }
    }

    @Test
    void theServerFindsTheEngineThroughServiceLoaderByTheNameCsv() {
        List<Extension> extensions = ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(extensions).singleElement().isInstanceOf(CsvStorageExtension.class);
        ServiceFactory<?> factory = extensions.getFirst().factories().getFirst();
        assertThat(factory.type()).isEqualTo(StorageEngine.class);
        assertThat(factory.name()).isEqualTo("csv");

        Object service = factory.create(new ExtensionContext(ExtensionContext.Role.SEGMENT, 0, dataDirectory), Map.of());
        try (StorageEngine engine = StorageEngine.class.cast(service)) {
            engine.createTable(T);
        }
        assertThat(file()).exists();
    }

    private Path file() {
        return dataDirectory.resolve("csv").resolve("42.csv");
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @SafeVarargs
    private static void insert(StorageEngine engine, long xid, List<Object>... rows) {
        try (TableWriter writer = engine.openWriter(T, xid)) {
            writer.insert(Batch.ofRows(T.columnTypes(), List.of(rows)));
            writer.flush();
        }
    }

    private static List<List<Object>> scan(StorageEngine engine) {
        List<List<Object>> rows = new ArrayList<>();
        try (TableScan scan = engine.scan(T, List.of(0, 1), Visibility.ALL)) {
            for (Optional<Batch> batch = scan.next(); batch.isPresent(); batch = scan.next()) {
                for (int r = 0; r < batch.get().rowCount(); r++) {
                    rows.add(batch.get().row(r));
                }
            }
        }
        return rows;
    }
}
