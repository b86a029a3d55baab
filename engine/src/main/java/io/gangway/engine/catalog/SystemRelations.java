package io.gangway.engine.catalog;

import io.gangway.api.Column;
import io.gangway.api.SqlType;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.catalog.SystemRelation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The system relations the catalog itself answers: {@code gp_segment_configuration}. */
public final class SystemRelations {
    /** Schemas a system relation may be qualified with, as in Greenplum ({@code pg_catalog.gp_segment_configuration}). */
    public static final Set<String> SCHEMAS = Set.of("public", "pg_catalog", "gp_toolkit");

    private static final List<Column> SEGMENT_CONFIGURATION = List.of(
            new Column("dbid", SqlType.INTEGER), new Column("content", SqlType.INTEGER),
            new Column("role", SqlType.TEXT), new Column("preferred_role", SqlType.TEXT),
            new Column("mode", SqlType.TEXT), new Column("status", SqlType.TEXT),
            new Column("port", SqlType.INTEGER), new Column("hostname", SqlType.TEXT),
            new Column("address", SqlType.TEXT), new Column("datadir", SqlType.TEXT));

    private SystemRelations() {
    }

    static Optional<SystemRelation> of(String schema, String name, List<SegmentDescriptor> segments) {
        if (!SCHEMAS.contains(schema) || !name.equals("gp_segment_configuration")) {
            return Optional.empty();
        }
        List<List<Object>> rows = new ArrayList<>();
        for (SegmentDescriptor s : segments) {
            rows.add(List.of(s.dbid(), s.content(), String.valueOf(s.role()), String.valueOf(s.preferredRole()),
                    String.valueOf(s.mode()), String.valueOf(s.status()), s.port(), s.hostname(), s.address(),
                    s.dataDirectory()));
        }
        return Optional.of(new SystemRelation(SEGMENT_CONFIGURATION, rows));
    }
}
