package io.gangway.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.catalog.SegmentDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GangwayConfTest {
    @TempDir
    Path directory;

    @Test
    void readsPostgresqlConfStyleLines() {
        Map<String, String> values = GangwayConf.parse(List.of(
                "# a comment",
                "",
                "Port = 15432",
                "gp_interconnect_type = 'udp'   # trailing comment",
                "motd = 'it''s # not a comment'"), "test");
        assertThat(values).containsExactly(Map.entry("port", "15432"), Map.entry("gp_interconnect_type", "udp"),
                Map.entry("motd", "it's # not a comment"));
    }

    @Test
    void aLineWithoutNameAndValueIsAnError() {
        assertThatThrownBy(() -> GangwayConf.parse(List.of("port"), "x.conf")).isInstanceOfSatisfying(SqlException.class,
                e -> assertThat(e.getMessage()).contains("line 1"));
    }

    @Test
    void writtenFilesReadBack() {
        GangwayConf.write(directory, "test", Map.of("segment.0", "127.0.0.1:40000:/data/seg0", "note", "a'b"));
        assertThat(GangwayConf.read(directory)).containsEntry("segment.0", "127.0.0.1:40000:/data/seg0")
                .containsEntry("note", "a'b");
    }

    @Test
    void theCoordinatorsSegmentsBecomeTheComponentDatabases() {
        List<SegmentDescriptor> segments = SegmentList.fromSettings(Map.of(
                "segment.1", "h1:40001:/d1", "segment.0", "h0:40000:/d0"), "127.0.0.1", 15432, "/c");
        assertThat(segments).extracting(SegmentDescriptor::dbid, SegmentDescriptor::content, SegmentDescriptor::port)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, -1, 15432),
                        org.assertj.core.groups.Tuple.tuple(2, 0, 40000), org.assertj.core.groups.Tuple.tuple(3, 1, 40001));
        assertThatThrownBy(() -> SegmentList.fromSettings(Map.of("segment.1", "h:1:/d"), "h", 1, "/c"))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE));
        assertThatThrownBy(() -> SegmentList.fromSettings(Map.of(), "h", 1, "/c")).isInstanceOf(SqlException.class);
    }
}
