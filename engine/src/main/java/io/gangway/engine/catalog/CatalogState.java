package io.gangway.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.catalog.ViewDescriptor;
import java.util.List;
import java.util.Map;

/**
 * One immutable version of the coordinator catalog: tables and views by qualified name
 * ({@code schema.name}), the component databases, the next object id, and a configuration
 * version that changes whenever {@code gp_segment_configuration} does.
 */
public record CatalogState(
        Map<String, TableDescriptor> tables,
        Map<String, ViewDescriptor> views,
        List<SegmentDescriptor> segments,
        long nextObjectId,
        long configurationVersion) {
    public CatalogState {
        tables = Map.copyOf(requireNonNull(tables, "tables is null"));
        views = Map.copyOf(requireNonNull(views, "views is null"));
        segments = List.copyOf(requireNonNull(segments, "segments is null"));
    }

    public static CatalogState empty(List<SegmentDescriptor> segments) {
        return new CatalogState(Map.of(), Map.of(), segments, 16384, 1);
    }
}
