package io.gangway.engine.catalog;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.catalog.ViewDescriptor;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The coordinator's catalog: tables, views and component databases. Readers take an immutable
 * {@link #snapshot()} per statement; writers change it through {@link #update}, which persists the
 * new version (fsync'd) before anyone can see it. DDL is serialized by the catalog's lock.
 */
public final class Catalog {
    private final CatalogStore store;
    private volatile CatalogState state;

    private Catalog(CatalogStore store, CatalogState state) {
        this.store = store;
        this.state = state;
    }

    /** Opens the catalog in {@code directory}, creating it with these segments if it does not exist. */
    public static Catalog open(Path directory, List<SegmentDescriptor> initialSegments) {
        CatalogStore store = new CatalogStore(directory);
        CatalogState state = store.load().orElseGet(() -> {
            CatalogState fresh = CatalogState.empty(initialSegments);
            store.save(fresh);
            return fresh;
        });
        return new Catalog(store, state);
    }

    public CatalogSnapshot snapshot() {
        return new CatalogSnapshot(state);
    }

    public long nextObjectId() {
        return update(s -> new CatalogState(s.tables(), s.views(), s.segments(), s.nextObjectId() + 1,
                s.configurationVersion())).nextObjectId() - 1;
    }

    public void addTable(TableDescriptor table) {
        update(s -> {
            checkNameFree(s, table.schema(), table.name());
            Map<String, TableDescriptor> tables = new HashMap<>(s.tables());
            tables.put(table.qualifiedName(), table);
            return new CatalogState(tables, s.views(), s.segments(), s.nextObjectId(), s.configurationVersion());
        });
    }

    public void removeTable(TableDescriptor table) {
        update(s -> {
            Map<String, TableDescriptor> tables = new HashMap<>(s.tables());
            tables.remove(table.qualifiedName());
            return new CatalogState(tables, s.views(), s.segments(), s.nextObjectId(), s.configurationVersion());
        });
    }

    public void putView(ViewDescriptor view, boolean replace) {
        update(s -> {
            String key = view.schema() + "." + view.name();
            if (!(replace && s.views().containsKey(key))) {
                checkNameFree(s, view.schema(), view.name());
            }
            Map<String, ViewDescriptor> views = new HashMap<>(s.views());
            views.put(key, view);
            return new CatalogState(s.tables(), views, s.segments(), s.nextObjectId(), s.configurationVersion());
        });
    }

    public void removeView(ViewDescriptor view) {
        update(s -> {
            Map<String, ViewDescriptor> views = new HashMap<>(s.views());
            views.remove(view.schema() + "." + view.name());
            return new CatalogState(s.tables(), views, s.segments(), s.nextObjectId(), s.configurationVersion());
        });
    }

    /** Marks a segment up or down (FTS); bumps the configuration version when it changes. */
    public void setSegmentStatus(int content, char status) {
        update(s -> {
            boolean changed = false;
            List<SegmentDescriptor> segments = new java.util.ArrayList<>();
            for (SegmentDescriptor segment : s.segments()) {
                if (segment.content() == content && segment.status() != status) {
                    segment = segment.withStatus(status);
                    changed = true;
                }
                segments.add(segment);
            }
            return changed
                    ? new CatalogState(s.tables(), s.views(), segments, s.nextObjectId(), s.configurationVersion() + 1)
                    : s;
        });
    }

    private synchronized CatalogState update(UnaryOperator<CatalogState> change) {
        CatalogState next = change.apply(state);
        if (next != state) {
            store.save(next);
            state = next;
        }
        return next;
    }

    private static void checkNameFree(CatalogState s, String schema, String name) {
        String key = schema + "." + name;
        if (s.tables().containsKey(key) || s.views().containsKey(key)) {
            throw new SqlException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
        }
    }
}
