package io.gangway.tck.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gangway.api.Batch;
import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.spi.catalog.DistributionPolicy;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.storage.StorageEngine;
import io.gangway.spi.storage.TableScan;
import io.gangway.spi.storage.TableWriter;
import io.gangway.spi.storage.Visibility;
import io.gangway.tck.Behaviors;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link StorageEngine} keeps: what is written comes back, value for value,
 * projected and filtered by visibility as asked, in batches of at most {@link Batch#DEFAULT_ROWS};
 * flushed rows survive a restart; tables are independent; concurrent writers lose nothing.
 * An implementation's test extends this class, supplies {@link #createEngine}, and turns off in
 * {@link #hasBehavior} the {@link StorageBehavior}s it lacks.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class StorageEngineContractTest {
    protected static final List<SqlType> ALL_TYPES = List.of(
            SqlType.BOOLEAN, SqlType.INTEGER, SqlType.BIGINT, SqlType.DOUBLE,
            SqlType.numeric(1000, 40), SqlType.TEXT, SqlType.DATE, SqlType.varchar(10), SqlType.NUMERIC);

    @TempDir
    protected Path dataDirectory;

    protected StorageEngine engine;

    private final EnumSet<StorageBehavior> behaviors = Behaviors.check(StorageBehavior.class, this::hasBehavior);

    /** Makes the engine under test, over a fresh data directory (or, on restart, the same one). */
    protected abstract StorageEngine createEngine(Path dataDirectory);

    /** Whether the engine has {@code behavior}; every flag is on unless the implementation's test says otherwise. */
    protected boolean hasBehavior(StorageBehavior behavior) {
        return true;
    }

    @BeforeEach
    void startEngine() {
        engine = createEngine(dataDirectory);
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    // ---- helpers -------------------------------------------------------------------------

    protected static TableDescriptor table(long id, List<SqlType> types) {
        List<Column> columns = IntStream.range(0, types.size())
                .mapToObj(i -> new Column("c" + i, types.get(i)))
                .toList();
        return new TableDescriptor(id, "public", "t" + id, columns,
                types.stream().map(t -> false).toList(),
                new DistributionPolicy.Random(1), "test", Map.of());
    }

    protected static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    protected void insert(TableDescriptor table, long xid, List<List<Object>> rows) {
        try (TableWriter writer = engine.openWriter(table, xid)) {
            writer.insert(Batch.ofRows(table.columnTypes(), rows));
            writer.flush();
        }
    }

    /** Every batch of a scan, checking the batch-size and column-count contract on the way. */
    protected List<Batch> scanBatches(TableDescriptor table, List<Integer> columns, Visibility visibility) {
        List<Batch> batches = new ArrayList<>();
        try (TableScan scan = engine.scan(table, columns, visibility)) {
            for (Optional<Batch> batch = scan.next(); batch.isPresent(); batch = scan.next()) {
                assertThat(batch.get().rowCount()).isBetween(1, Batch.DEFAULT_ROWS);
                assertThat(batch.get().columnCount()).isEqualTo(columns.size());
                for (int c = 0; c < columns.size(); c++) {
                    assertThat(batch.get().column(c).type()).isEqualTo(table.columnTypes().get(columns.get(c)));
                }
                batches.add(batch.get());
            }
            assertThat(scan.next()).isEmpty();
        }
        return batches;
    }

    protected List<List<Object>> scanRows(TableDescriptor table, List<Integer> columns, Visibility visibility) {
        List<List<Object>> rows = new ArrayList<>();
        for (Batch batch : scanBatches(table, columns, visibility)) {
            for (int r = 0; r < batch.rowCount(); r++) {
                rows.add(batch.row(r));
            }
        }
        return rows;
    }

    protected List<List<Object>> scanAll(TableDescriptor table) {
        return scanRows(table, IntStream.range(0, table.columns().size()).boxed().toList(), Visibility.ALL);
    }

    private static List<List<Object>> allTypesRows() {
        return List.of(
                row(true, 0, 0L, 0.0, new BigDecimal("0"), "", LocalDate.of(1970, 1, 1), "", BigDecimal.ZERO),
                row(false, Integer.MIN_VALUE, Long.MIN_VALUE, -0.0,
                        new BigDecimal("-123456789012345678901234567890123456789.1234567890123456789012345678901234567890"),
                        "héllo wörld ✓ 日本語 🎉", LocalDate.of(-4712, 1, 1), "ünïcødé", new BigDecimal("-0.00001")),
                row(true, Integer.MAX_VALUE, Long.MAX_VALUE, Double.MAX_VALUE,
                        new BigDecimal("9".repeat(500) + "." + "1".repeat(40)),
                        "x".repeat(3000), LocalDate.of(9999, 12, 31), "abc", new BigDecimal("1E+30")),
                row(false, -1, -1L, Double.NaN, new BigDecimal("0.10"), "null", LocalDate.of(2000, 2, 29),
                        "NULL", new BigDecimal("3.14159265358979323846264338327950288419716939937510")),
                row(true, 42, 1L << 40, Double.POSITIVE_INFINITY, new BigDecimal("1.5"), " spaces ",
                        LocalDate.of(1, 1, 1), "a", new BigDecimal("-1")),
                row(null, 7, 7L, Double.NEGATIVE_INFINITY, null, "tab\there\nnewline", null, null, null),
                row(null, null, null, null, null, null, null, null, null),
                row(false, null, 5L, Double.MIN_VALUE, new BigDecimal("12345.678"), null, LocalDate.of(2024, 6, 30),
                        "", null));
    }

    // ---- tests ---------------------------------------------------------------------------

    @Test
    void emptyTableScansNoRows() {
        TableDescriptor t = table(101, ALL_TYPES);
        engine.createTable(t);
        assertThat(scanAll(t)).isEmpty();
        assertThat(scanRows(t, List.of(), Visibility.ALL)).isEmpty();
    }

    @Test
    void createTableIsIdempotent() {
        TableDescriptor t = table(102, List.of(SqlType.INTEGER));
        engine.createTable(t);
        engine.createTable(t);
        insert(t, 1, List.of(row(1)));
        assertThat(scanAll(t)).containsExactly(row(1));
    }

    @Test
    void everyTypeRoundTripsWithNullsAndEdgeValues() {
        TableDescriptor t = table(103, ALL_TYPES);
        engine.createTable(t);
        insert(t, 1, allTypesRows());
        assertThat(scanAll(t)).containsExactlyInAnyOrderElementsOf(allTypesRows());
    }

    @Test
    void emptyStringIsNotNull() {
        TableDescriptor t = table(104, List.of(SqlType.INTEGER, SqlType.TEXT));
        engine.createTable(t);
        insert(t, 1, List.of(row(1, ""), row(2, null)));
        List<List<Object>> rows = scanAll(t);
        assertThat(rows).containsExactlyInAnyOrder(row(1, ""), row(2, null));
    }

    @Test
    void numericKeepsItsScale() {
        TableDescriptor t = table(105, List.of(SqlType.NUMERIC));
        engine.createTable(t);
        List<List<Object>> rows = List.of(row(new BigDecimal("1.0")), row(new BigDecimal("1.00")), row(new BigDecimal("1")));
        insert(t, 1, rows);
        List<Object> scales = scanAll(t).stream().map(r -> (Object) ((BigDecimal) r.get(0)).scale()).toList();
        assertThat(scales).containsExactlyInAnyOrder(1, 2, 0);
    }

    @Test
    void projectionReturnsTheRequestedColumnsInTheRequestedOrder() {
        TableDescriptor t = table(106, ALL_TYPES);
        engine.createTable(t);
        List<List<Object>> rows = allTypesRows();
        insert(t, 1, rows);

        assertThat(scanRows(t, List.of(5, 1), Visibility.ALL))
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(r -> row(r.get(5), r.get(1))).toList());
        assertThat(scanRows(t, List.of(8), Visibility.ALL))
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(r -> row(r.get(8))).toList());
        assertThat(scanRows(t, List.of(2, 2, 0), Visibility.ALL))
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(r -> row(r.get(2), r.get(2), r.get(0))).toList());

        List<Batch> counted = scanBatches(t, List.of(), Visibility.ALL);
        assertThat(counted.stream().mapToInt(Batch::rowCount).sum()).isEqualTo(rows.size());
    }

    @Test
    void manyRowsSpanPagesAndBatches() {
        TableDescriptor t = table(107, List.of(SqlType.INTEGER, SqlType.TEXT, SqlType.BIGINT));
        engine.createTable(t);
        int count = 50_000;
        try (TableWriter writer = engine.openWriter(t, 5)) {
            List<List<Object>> chunk = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                chunk.add(row(i, "row number " + i, (long) i * i));
                if (chunk.size() == 777) {
                    writer.insert(Batch.ofRows(t.columnTypes(), chunk));
                    chunk.clear();
                }
            }
            writer.insert(Batch.ofRows(t.columnTypes(), chunk));
            writer.flush();
        }

        List<Batch> batches = scanBatches(t, List.of(0, 1, 2), Visibility.ALL);
        assertThat(batches.size()).isGreaterThanOrEqualTo(count / Batch.DEFAULT_ROWS);
        boolean[] seen = new boolean[count];
        int total = 0;
        for (Batch batch : batches) {
            for (int r = 0; r < batch.rowCount(); r++) {
                int id = (Integer) batch.column(0).get(r);
                assertThat(seen[id]).as("row %s seen twice", id).isFalse();
                seen[id] = true;
                assertThat(batch.column(1).get(r)).isEqualTo("row number " + id);
                assertThat(batch.column(2).get(r)).isEqualTo((long) id * id);
                total++;
            }
        }
        assertThat(total).isEqualTo(count);

        List<Batch> counted = scanBatches(t, List.of(), Visibility.ALL);
        assertThat(counted.stream().mapToInt(Batch::rowCount).sum()).isEqualTo(count);
    }

    @Test
    void visibilityDecidesWhichVersionsAreReturned() {
        TableDescriptor t = table(108, List.of(SqlType.INTEGER));
        engine.createTable(t);
        insert(t, 10, List.of(row(1), row(2)));
        insert(t, 11, List.of(row(3)));
        insert(t, 12, List.of(row(4), row(5)));

        Set<Long> xmaxSeen = ConcurrentHashMap.newKeySet();
        Visibility hides11 = (xmin, xmax) -> {
            xmaxSeen.add(xmax);
            return xmin != 11;
        };
        assertThat(scanRows(t, List.of(0), hides11)).containsExactlyInAnyOrder(row(1), row(2), row(4), row(5));
        assertThat(xmaxSeen).containsExactly(0L);
        assertThat(scanRows(t, List.of(0), (xmin, xmax) -> xmin == 11)).containsExactly(row(3));
        assertThat(scanRows(t, List.of(), (xmin, xmax) -> false)).isEmpty();
        assertThat(scanAll(t)).hasSize(5);
    }

    @Test
    void writersAppendAfterEachOther() {
        TableDescriptor t = table(109, List.of(SqlType.INTEGER, SqlType.TEXT));
        engine.createTable(t);
        for (int i = 0; i < 200; i++) {
            insert(t, 100 + i, List.of(row(i, "single " + i)));
        }
        assertThat(scanAll(t)).hasSize(200)
                .containsAll(IntStream.range(0, 200).mapToObj(i -> row(i, "single " + i)).toList());
    }

    @Test
    void writerFlushesMoreThanOnce() {
        TableDescriptor t = table(110, List.of(SqlType.INTEGER));
        engine.createTable(t);
        try (TableWriter writer = engine.openWriter(t, 1)) {
            writer.insert(Batch.ofRows(t.columnTypes(), List.of(row(1))));
            writer.flush();
            assertThat(scanAll(t)).containsExactly(row(1));
            writer.insert(Batch.ofRows(t.columnTypes(), List.of(row(2))));
            writer.flush();
            writer.flush();
        }
        assertThat(scanAll(t)).containsExactlyInAnyOrder(row(1), row(2));
    }

    @Test
    void flushedRowsSurviveARestart() {
        assumeTrue(behaviors.contains(StorageBehavior.SURVIVES_RESTART), "engine declares no SURVIVES_RESTART");
        TableDescriptor t = table(111, ALL_TYPES);
        engine.createTable(t);
        insert(t, 1, allTypesRows());
        engine.close();

        engine = createEngine(dataDirectory);
        assertThat(scanAll(t)).containsExactlyInAnyOrderElementsOf(allTypesRows());
        insert(t, 2, List.of(row(null, 99, null, null, null, "after restart", null, null, null)));
        engine.close();

        engine = createEngine(dataDirectory);
        assertThat(scanAll(t)).hasSize(allTypesRows().size() + 1)
                .contains(row(null, 99, null, null, null, "after restart", null, null, null));
    }

    @Test
    void droppedTableHasNoRows() {
        TableDescriptor t = table(112, List.of(SqlType.INTEGER));
        engine.createTable(t);
        insert(t, 1, List.of(row(1), row(2)));
        engine.dropTable(t);

        assertThatThrownBy(() -> scanAll(t))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.UNDEFINED_TABLE));
        engine.createTable(t);
        assertThat(scanAll(t)).isEmpty();
    }

    @Test
    void droppingAMissingTableIsNotAnError() {
        TableDescriptor t = table(113, List.of(SqlType.INTEGER));
        engine.dropTable(t);
        engine.createTable(t);
        engine.dropTable(t);
        engine.dropTable(t);
    }

    @Test
    void tableWithNoStorageIsUndefined() {
        TableDescriptor t = table(114, List.of(SqlType.INTEGER));
        assertThatThrownBy(() -> engine.scan(t, List.of(0), Visibility.ALL).close())
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.UNDEFINED_TABLE));
    }

    @Test
    void tablesAreIndependent() {
        TableDescriptor a = table(115, List.of(SqlType.INTEGER));
        TableDescriptor b = table(116, List.of(SqlType.TEXT, SqlType.INTEGER));
        engine.createTable(a);
        engine.createTable(b);
        insert(a, 1, List.of(row(1), row(2)));
        insert(b, 1, List.of(row("b", 3)));
        assertThat(scanAll(a)).containsExactlyInAnyOrder(row(1), row(2));
        assertThat(scanAll(b)).containsExactly(row("b", 3));

        engine.dropTable(a);
        assertThat(scanAll(b)).containsExactly(row("b", 3));
    }

    @Test
    void concurrentWritersLoseNothingWhileScansRun() throws Exception {
        TableDescriptor t = table(117, List.of(SqlType.INTEGER, SqlType.INTEGER, SqlType.TEXT));
        engine.createTable(t);
        int writers = 4;
        int rowsPerWriter = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    start.await();
                    try (TableWriter out = engine.openWriter(t, 1000 + writer)) {
                        for (int i = 0; i < rowsPerWriter; i += 100) {
                            List<List<Object>> chunk = new ArrayList<>();
                            for (int j = i; j < i + 100; j++) {
                                chunk.add(row(writer, j, "w" + writer + "-" + j));
                            }
                            out.insert(Batch.ofRows(t.columnTypes(), chunk));
                            if (i % 1000 == 0) {
                                out.flush();
                            }
                        }
                        out.flush();
                    }
                    return null;
                }));
            }
            Future<Integer> scanner = pool.submit(() -> {
                start.await();
                int scans = 0;
                do {
                    for (List<Object> r : scanAll(t)) {
                        assertThat(r.get(2)).isEqualTo("w" + r.get(0) + "-" + r.get(1));
                    }
                    scans++;
                } while (writing.get());
                return scans;
            });
            start.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
            writing.set(false);
            assertThat(scanner.get(30, TimeUnit.SECONDS)).isPositive();
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        Set<String> expected = new HashSet<>();
        for (int w = 0; w < writers; w++) {
            for (int j = 0; j < rowsPerWriter; j++) {
                expected.add("w" + w + "-" + j);
            }
        }
        List<List<Object>> rows = scanAll(t);
        assertThat(rows).hasSize(writers * rowsPerWriter);
        assertThat(rows.stream().map(r -> (String) r.get(2)).collect(Collectors.toSet()))
                .isEqualTo(expected);
        for (int w = 0; w < writers; w++) {
            long xid = 1000 + w;
            assertThat(scanRows(t, List.of(), (xmin, xmax) -> xmin == xid)).hasSize(rowsPerWriter);
        }
    }
}
