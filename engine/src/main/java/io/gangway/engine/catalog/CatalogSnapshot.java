package io.gangway.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.catalog.CatalogView;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.catalog.SystemRelation;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.catalog.ViewDescriptor;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A statement's read-only view of one catalog version. */
public record CatalogSnapshot(CatalogState state) implements CatalogView {
    public CatalogSnapshot {
        requireNonNull(state, "state is null");
    }

    @Override
    public Optional<TableDescriptor> table(String schema, String name) {
        return Optional.ofNullable(state.tables().get(schema + "." + name));
    }

    @Override
    public Optional<ViewDescriptor> view(String schema, String name) {
        return Optional.ofNullable(state.views().get(schema + "." + name));
    }

    @Override
    public List<SegmentDescriptor> segments() {
        return state.segments();
    }

    @Override
    public Optional<SystemRelation> systemRelation(String schema, String name) {
        return SystemRelations.of(schema, name, state.segments());
    }

    public Collection<TableDescriptor> tables() {
        return state.tables().values();
    }

    public Collection<ViewDescriptor> views() {
        return state.views().values();
    }
}
