package io.gangway.storage.heap;

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
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeapStorageEngineTest {
    private static final TableDescriptor TABLE = new TableDescriptor(16384, "public", "t",
            List.of(new Column("id", SqlType.INTEGER), new Column("name", SqlType.TEXT)),
            List.of(true, false), new DistributionPolicy.Random(1), "heap", Map.of());

    @TempDir
    Path dir;

    private Path relationFile() {
        return dir.resolve("base/16384/16384");
    }

    private static List<List<Object>> rows(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> List.<Object>of(i, "name " + i)).toList();
    }

    private static void insert(StorageEngine engine, long xid, List<List<Object>> rows) {
        try (TableWriter writer = engine.openWriter(TABLE, xid)) {
            writer.insert(Batch.ofRows(TABLE.columnTypes(), rows));
            writer.flush();
        }
    }

    private static List<List<Object>> scan(StorageEngine engine) {
        List<List<Object>> out = new ArrayList<>();
        try (TableScan scan = engine.scan(TABLE, List.of(0, 1), Visibility.ALL)) {
            for (Optional<Batch> b = scan.next(); b.isPresent(); b = scan.next()) {
                for (int r = 0; r < b.get().rowCount(); r++) {
                    out.add(b.get().row(r));
                }
            }
        }
        return out;
    }

    @Test
    void filesFollowPostgresLayout() throws IOException {
        try (StorageEngine engine = new HeapStorageEngine(dir)) {
            engine.createTable(TABLE);
            assertThat(relationFile()).exists();
            assertThat(Files.size(relationFile())).isZero();
            insert(engine, 1, rows(0, 1000));
        }
        long size = Files.size(relationFile());
        assertThat(size % HeapPage.SIZE).isZero();
        assertThat(size / HeapPage.SIZE).isBetween(2L, 10L);

        HeapPage page = new HeapPage();
        page.buffer().put(0, Files.readAllBytes(relationFile()), 0, HeapPage.SIZE);
        page.verify(0, "base/16384/16384");
        assertThat(page.lsn()).isZero();
        assertThat(page.lineCount()).isPositive();
        assertThat(page.xmin(1)).isEqualTo(1);
        assertThat(page.lower()).isEqualTo(HeapPage.HEADER_SIZE + page.lineCount() * HeapPage.LINE_POINTER_SIZE);
    }

    @Test
    void checksumMismatchIsDataCorrupted() throws IOException {
        try (StorageEngine engine = new HeapStorageEngine(dir)) {
            engine.createTable(TABLE);
            insert(engine, 1, rows(0, 2000));
        }
        try (RandomAccessFile file = new RandomAccessFile(relationFile().toFile(), "rw")) {
            long offset = HeapPage.SIZE + 5000; // inside block 1
            file.seek(offset);
            int b = file.read();
            file.seek(offset);
            file.write(b ^ 0x01);
        }
        try (StorageEngine engine = new HeapStorageEngine(dir)) {
            assertThatThrownBy(() -> scan(engine))
                    .isInstanceOfSatisfying(SqlException.class, e -> {
                        assertThat(e.state()).isEqualTo(SqlState.DATA_CORRUPTED);
                        assertThat(e.getMessage()).isEqualTo("invalid page in block 1 of relation base/16384/16384");
                    });
        }
    }

    @Test
    void tornTrailingPageIsCutOff() throws IOException {
        try (StorageEngine engine = new HeapStorageEngine(dir)) {
            engine.createTable(TABLE);
            insert(engine, 1, rows(0, 1500));
        }
        long flushed = Files.size(relationFile());
        // A crash while extending the file: half a page of junk at the end.
        Files.write(relationFile(), new byte[HeapPage.SIZE / 2 + 17], StandardOpenOption.APPEND);
        byte[] junk = new byte[100];
        java.util.Arrays.fill(junk, (byte) 0x5A);
        Files.write(relationFile(), junk, StandardOpenOption.APPEND);

        try (StorageEngine engine = new HeapStorageEngine(dir)) {
            assertThat(scan(engine)).containsExactlyInAnyOrderElementsOf(rows(0, 1500));
            assertThat(Files.size(relationFile())).isEqualTo(flushed);
            insert(engine, 2, rows(1500, 3000));
            assertThat(scan(engine)).containsExactlyInAnyOrderElementsOf(rows(0, 3000));
        }
        assertThat(Files.size(relationFile()) % HeapPage.SIZE).isZero();
        try (StorageEngine engine = new HeapStorageEngine(dir)) {
            assertThat(scan(engine)).hasSize(3000);
        }
    }

    @Test
    void zeroPageInTheMiddleReadsAsEmpty() throws IOException {
        try (StorageEngine engine = new HeapStorageEngine(dir)) {
            engine.createTable(TABLE);
            insert(engine, 1, rows(0, 10));
        }
        // A block allocated but never written before a crash: zeros, as a hole in the file.
        Files.write(relationFile(), new byte[HeapPage.SIZE], StandardOpenOption.APPEND);
        try (StorageEngine engine = new HeapStorageEngine(dir)) {
            insert(engine, 2, rows(10, 20));
            assertThat(scan(engine)).containsExactlyInAnyOrderElementsOf(rows(0, 20));
        }
    }

    @Test
    void segmentFilesSplitTheRelation() throws IOException {
        try (StorageEngine engine = new HeapStorageEngine(dir, 2)) {
            engine.createTable(TABLE);
            insert(engine, 1, rows(0, 3000));
        }
        assertThat(relationFile().resolveSibling("16384.1")).exists();
        assertThat(relationFile().resolveSibling("16384.2")).exists();
        assertThat(Files.size(relationFile())).isEqualTo(2L * HeapPage.SIZE);
        try (StorageEngine engine = new HeapStorageEngine(dir, 2)) {
            assertThat(scan(engine)).containsExactlyInAnyOrderElementsOf(rows(0, 3000));
        }
    }

    @Test
    void smallInsertsSharePages() throws IOException {
        try (StorageEngine engine = new HeapStorageEngine(dir)) {
            engine.createTable(TABLE);
            for (int i = 0; i < 100; i++) {
                insert(engine, 10 + i, rows(i, i + 1));
            }
            assertThat(Files.size(relationFile())).isEqualTo(HeapPage.SIZE);
        }
        // After a restart the last page's room is offered again.
        try (StorageEngine engine = new HeapStorageEngine(dir)) {
            insert(engine, 500, rows(100, 101));
            assertThat(Files.size(relationFile())).isEqualTo(HeapPage.SIZE);
            assertThat(scan(engine)).containsExactlyInAnyOrderElementsOf(rows(0, 101));
        }
    }

    @Test
    void rowLargerThanAPageIsRefused() {
        try (StorageEngine engine = new HeapStorageEngine(dir)) {
            engine.createTable(TABLE);
            try (TableWriter writer = engine.openWriter(TABLE, 1)) {
                Batch huge = Batch.ofRows(TABLE.columnTypes(), List.of(List.of(1, "x".repeat(10_000))));
                assertThatThrownBy(() -> writer.insert(huge))
                        .isInstanceOfSatisfying(SqlException.class, e -> {
                            assertThat(e.state()).isEqualTo(SqlState.INSUFFICIENT_RESOURCES);
                            assertThat(e.getMessage()).isEqualTo("row is too big: size 10036, maximum size 8164");
                        });
                writer.insert(Batch.ofRows(TABLE.columnTypes(), List.of(List.of(2, "x".repeat(8000)))));
                writer.flush();
            }
            assertThat(scan(engine)).containsExactly(List.of(2, "x".repeat(8000)));
        }
    }

    @Test
    void nullInNotNullColumnIsRefused() {
        try (StorageEngine engine = new HeapStorageEngine(dir)) {
            engine.createTable(TABLE);
            try (TableWriter writer = engine.openWriter(TABLE, 1)) {
                Batch batch = Batch.ofRows(TABLE.columnTypes(), List.of(java.util.Arrays.asList(null, "x")));
                assertThatThrownBy(() -> writer.insert(batch))
                        .isInstanceOfSatisfying(SqlException.class, e -> {
                            assertThat(e.state()).isEqualTo(SqlState.NOT_NULL_VIOLATION);
                            assertThat(e.getMessage())
                                    .isEqualTo("null value in column \"id\" of relation \"t\" violates not-null constraint");
                        });
            }
        }
    }

    @Test
    void interruptedScanIsCanceledAndOthersCarryOn() {
        try (StorageEngine engine = new HeapStorageEngine(dir)) {
            engine.createTable(TABLE);
            insert(engine, 1, rows(0, 100));
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> scan(engine))
                        .isInstanceOfSatisfying(SqlException.class,
                                e -> assertThat(e.state()).isEqualTo(SqlState.QUERY_CANCELED));
            } finally {
                Thread.interrupted();
            }
            // The interrupt closed the shared channel; the table must still work.
            insert(engine, 2, rows(100, 200));
            assertThat(scan(engine)).containsExactlyInAnyOrderElementsOf(rows(0, 200));
        }
    }

    @Test
    void extensionIsFoundByServiceLoader() {
        Extension heap = ServiceLoader.load(Extension.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(e -> e.name().equals("heap"))
                .findFirst()
                .orElseThrow();
        ServiceFactory<?> factory = heap.factories().getFirst();
        assertThat(factory.type()).isEqualTo(StorageEngine.class);
        assertThat(factory.name()).isEqualTo("heap");
        try (StorageEngine engine = (StorageEngine) factory.create(
                new ExtensionContext(ExtensionContext.Role.SEGMENT, 0, dir), Map.of())) {
            engine.createTable(TABLE);
        }
        assertThat(relationFile()).exists();
    }
}
