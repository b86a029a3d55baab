package io.gangway.spi.planner;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Settings;
import io.gangway.spi.catalog.CatalogView;

/** What the planner may consult: the catalog view of the statement and the session's settings. */
public record PlannerContext(CatalogView catalog, Settings settings) {
    public PlannerContext {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(settings, "settings is null");
    }

    public int segmentCount() {
        return catalog.segmentCount();
    }
}
