package io.gangway.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.api.TypeKind;
import io.gangway.spi.catalog.DistributionPolicy;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.catalog.ViewDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog file format, pinned by {@code catalog/catalog-v2.dat}: a file that version 2 of the format
 * wrote for {@link #sample()}. That file never changes; a new format version adds a file of its own.
 */
class CatalogFileFormatTest {
    private static final String VERSION_2_FILE = "/catalog/catalog-v2.dat";

    @TempDir
    Path directory;

    /** A catalog with a column of every type, every distribution policy and storage engine, and a view. */
    static CatalogState sample() {
        List<SegmentDescriptor> segments = List.of(
                new SegmentDescriptor(1, -1, 'p', 'p', 'n', 'u', 15432, "coordinator", "127.0.0.1", "data/demo/coordinator"),
                new SegmentDescriptor(2, 0, 'p', 'p', 'n', 'u', 15433, "seg-host-0", "10.0.0.5", "data/demo/seg0"),
                new SegmentDescriptor(3, 1, 'p', 'p', 'n', 'd', 15434, "seg-host-1", "10.0.0.6", "data/demo/seg1"));
        TableDescriptor customers = new TableDescriptor(16384, "public", "customers",
                List.of(new Column("id", SqlType.INTEGER), new Column("name", SqlType.varchar(40)),
                        new Column("region", SqlType.TEXT), new Column("since", SqlType.DATE)),
                List.of(true, false, false, false), new DistributionPolicy.Hashed(List.of(0), 2), "heap", Map.of());
        TableDescriptor orders = new TableDescriptor(16385, "public", "orders",
                List.of(new Column("id", SqlType.BIGINT), new Column("customer_id", SqlType.INTEGER),
                        new Column("amount", SqlType.numeric(12, 2)), new Column("ratio", SqlType.NUMERIC),
                        new Column("weight", SqlType.DOUBLE), new Column("paid", SqlType.BOOLEAN)),
                List.of(true, true, false, false, false, false), new DistributionPolicy.Hashed(List.of(1, 0), 2),
                "ao_row", Map.of("appendoptimized", "true", "compresslevel", "1"));
        TableDescriptor events = new TableDescriptor(16386, "public", "events",
                List.of(new Column("at", SqlType.DATE), new Column("what", SqlType.TEXT)),
                List.of(false, false), new DistributionPolicy.Random(2), "ao_column",
                Map.of("appendoptimized", "true", "orientation", "column"));
        TableDescriptor regions = new TableDescriptor(16387, "public", "regions",
                List.of(new Column("name", SqlType.TEXT), new Column("city", SqlType.varchar(12))),
                List.of(true, false), new DistributionPolicy.Replicated(2), "heap", Map.of());
        ViewDescriptor revenue = new ViewDescriptor(16388, "public", "region_revenue",
                List.of(new Column("region", SqlType.TEXT), new Column("orders", SqlType.BIGINT),
                        new Column("revenue", SqlType.NUMERIC), new Column("label", new SqlType(TypeKind.UNKNOWN, -1, -1))),
                "SELECT c.region, count(*), sum(o.amount), 'Zürich' FROM customers c JOIN orders o ON o.customer_id = c.id"
                        + " GROUP BY c.region");
        return new CatalogState(
                Map.of(customers.qualifiedName(), customers, orders.qualifiedName(), orders,
                        events.qualifiedName(), events, regions.qualifiedName(), regions),
                Map.of("public.region_revenue", revenue), segments, 16389, 3);
    }

    @Test
    void theCheckedInVersion2FileReadsAsTheSample() throws IOException {
        Files.write(directory.resolve("catalog.dat"), versionTwoFile());

        assertThat(new CatalogStore(directory).load()).contains(sample());
    }

    @Test
    void theSampleIsWrittenAsTheCheckedInVersion2File() throws IOException {
        new CatalogStore(directory).save(sample());

        assertThat(Files.readAllBytes(directory.resolve("catalog.dat"))).isEqualTo(versionTwoFile());
    }

    @Test
    void aFileOfAnotherVersionIsRefusedNamingBothVersions() throws IOException {
        Path file = directory.resolve("catalog.dat");
        for (int version : new int[] {1, 7}) {
            byte[] bytes = versionTwoFile();
            ByteBuffer.wrap(bytes).putInt(4, version);
            Files.write(file, bytes);

            assertThatThrownBy(() -> new CatalogStore(directory).load())
                    .isInstanceOfSatisfying(SqlException.class, e -> {
                        assertThat(e.state()).isEqualTo(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE);
                        assertThat(e.getMessage()).isEqualTo("catalog file \"" + file + "\" has format version " + version
                                + "; this Gangway reads version 2");
                    });
        }
    }

    @Test
    void aBodyCutShortIsDamagedEvenWithAMatchingChecksum() throws IOException {
        byte[] whole = versionTwoFile();
        byte[] cut = Arrays.copyOf(whole, whole.length - 5);
        CRC32C crc = new CRC32C();
        crc.update(cut, 16, cut.length - 16);
        ByteBuffer.wrap(cut).putLong(8, crc.getValue());
        Files.write(directory.resolve("catalog.dat"), cut);

        assertThatThrownBy(() -> new CatalogStore(directory).load())
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.DATA_CORRUPTED);
                    assertThat(e.getMessage()).contains("is damaged: truncated");
                });
    }

    @Test
    void aFileThatIsNoCatalogIsDamaged() throws IOException {
        Files.writeString(directory.resolve("catalog.dat"), "{\"tables\": {}, \"views\": {}}");

        assertThatThrownBy(() -> new CatalogStore(directory).load())
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.DATA_CORRUPTED);
                    assertThat(e.getMessage()).endsWith("is damaged: not a Gangway catalog file");
                });
    }

    private static byte[] versionTwoFile() throws IOException {
        try (InputStream in = CatalogFileFormatTest.class.getResourceAsStream(VERSION_2_FILE)) {
            assertThat(in).as(VERSION_2_FILE).isNotNull();
            return in.readAllBytes();
        }
    }
}
