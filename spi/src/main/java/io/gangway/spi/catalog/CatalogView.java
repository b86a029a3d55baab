package io.gangway.spi.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The coordinator catalog as the analyzer, rewriter and planner see it during one statement: a
 * consistent, read-only view. Lookups take a schema-less name (search path {@code public}) or a
 * qualified one; names are already case-folded.
 *
 * <p>Called on the QD session's thread; an implementation must not block on I/O.
 */
public interface CatalogView {
    Optional<TableDescriptor> table(String schema, String name);

    Optional<ViewDescriptor> view(String schema, String name);

    /** The component databases: {@code gp_segment_configuration} as this statement sees it. */
    List<SegmentDescriptor> segments();

    /**
     * A system relation by name ({@code gp_segment_configuration}, {@code gp_session_qes}, …), computed
     * now; empty if there is none by that name. Consulted before tables and views.
     */
    default Optional<SystemRelation> systemRelation(String schema, String name) {
        return Optional.empty();
    }

    /** How many primary segments (contents 0..N-1) the cluster has. */
    default int segmentCount() {
        return (int) segments().stream().filter(s -> s.content() >= 0 && s.role() == 'p').count();
    }
}
