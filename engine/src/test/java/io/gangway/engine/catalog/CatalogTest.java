package io.gangway.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.spi.catalog.DistributionPolicy;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.catalog.ViewDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
    static final List<SegmentDescriptor> SEGMENTS = List.of(
            new SegmentDescriptor(1, -1, 'p', 'p', 'n', 'u', 15432, "localhost", "127.0.0.1", "/c"),
            new SegmentDescriptor(2, 0, 'p', 'p', 'n', 'u', 15433, "localhost", "127.0.0.1", "/s0"),
            new SegmentDescriptor(3, 1, 'p', 'p', 'n', 'u', 15434, "localhost", "127.0.0.1", "/s1"));

    @TempDir
    Path directory;

    static TableDescriptor table(long id, String name) {
        return new TableDescriptor(id, "public", name,
                List.of(new Column("a", SqlType.INTEGER), new Column("e", SqlType.numeric(12, 2))),
                List.of(true, false), new DistributionPolicy.Hashed(List.of(0), 2), "heap", Map.of("k", "v"));
    }

    @Test
    void tablesViewsAndSegmentsSurviveReopening() {
        Catalog catalog = Catalog.open(directory, SEGMENTS);
        TableDescriptor t = table(catalog.nextObjectId(), "t");
        catalog.addTable(t);
        ViewDescriptor v = new ViewDescriptor(catalog.nextObjectId(), "public", "v",
                List.of(new Column("a", SqlType.INTEGER)), "SELECT a FROM t");
        catalog.putView(v, false);
        catalog.setSegmentStatus(1, 'd');

        Catalog reopened = Catalog.open(directory, List.of());
        CatalogSnapshot snapshot = reopened.snapshot();
        assertThat(snapshot.table("public", "t")).contains(t);
        assertThat(snapshot.view("public", "v")).contains(v);
        assertThat(snapshot.segments()).hasSize(3);
        assertThat(snapshot.segments().get(2).status()).isEqualTo('d');
        assertThat(snapshot.segmentCount()).isEqualTo(2);
        assertThat(reopened.nextObjectId()).isGreaterThan(v.id());
    }

    @Test
    void aNameIsTakenOnce() {
        Catalog catalog = Catalog.open(directory, SEGMENTS);
        catalog.addTable(table(1, "t"));
        assertThatThrownBy(() -> catalog.addTable(table(2, "t")))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.DUPLICATE_TABLE));
        assertThatThrownBy(() -> catalog.putView(new ViewDescriptor(3, "public", "t", List.of(), "SELECT 1"), false))
                .isInstanceOf(SqlException.class);
    }

    @Test
    void aDamagedCatalogFileIsReportedNotHalfRead() throws IOException {
        Catalog catalog = Catalog.open(directory, SEGMENTS);
        catalog.addTable(table(1, "t"));
        Path file = directory.resolve("catalog.dat");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 0x55;
        Files.write(file, bytes);
        assertThatThrownBy(() -> Catalog.open(directory, SEGMENTS))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.DATA_CORRUPTED));
    }
}
