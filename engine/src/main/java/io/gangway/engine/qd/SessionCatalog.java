package io.gangway.engine.qd;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Column;
import io.gangway.api.SqlType;
import io.gangway.engine.catalog.CatalogSnapshot;
import io.gangway.engine.catalog.SystemRelations;
import io.gangway.spi.catalog.CatalogView;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.catalog.SystemRelation;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.catalog.ViewDescriptor;
import io.gangway.spi.dispatch.DispatchStats.DestroyReason;
import io.gangway.spi.dispatch.DispatchStats;
import io.gangway.spi.dispatch.DispatcherSession;
import io.gangway.spi.dispatch.QeInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalog as a QD's statements see it: the catalog snapshot, plus the system relations about
 * sessions and their QEs that only the coordinator's session registry knows.
 * <ul>
 *   <li>{@code gp_session_qes}: every QE of every session — segment, writer or reader, gang, state, idle since;</li>
 *   <li>{@code gp_dispatch_stats}: per session, QEs created, reused and destroyed (by reason), gangs made and
 *       the time spent making them;</li>
 *   <li>{@code pg_settings}: every setting the coordinator knows, with the statement's session's values,
 *       in PostgreSQL's columns ({@code enumvals} as text, {@code {a,b}}).</li>
 * </ul>
 */
record SessionCatalog(CatalogSnapshot snapshot, SessionRegistry registry, SessionSettings settings) implements CatalogView {
    private static final List<Column> SESSION_QES = List.of(
            new Column("sess_id", SqlType.BIGINT), new Column("content", SqlType.INTEGER),
            new Column("role", SqlType.TEXT), new Column("qe_id", SqlType.INTEGER),
            new Column("gang_id", SqlType.INTEGER), new Column("state", SqlType.TEXT),
            new Column("idle_since", SqlType.TEXT));
    private static final List<Column> DISPATCH_STATS = List.of(
            new Column("sess_id", SqlType.BIGINT), new Column("counter", SqlType.TEXT), new Column("value", SqlType.BIGINT));

    private static final List<Column> PG_SETTINGS = List.of(
            new Column("name", SqlType.TEXT), new Column("setting", SqlType.TEXT), new Column("unit", SqlType.TEXT),
            new Column("category", SqlType.TEXT), new Column("short_desc", SqlType.TEXT),
            new Column("extra_desc", SqlType.TEXT), new Column("context", SqlType.TEXT),
            new Column("vartype", SqlType.TEXT), new Column("source", SqlType.TEXT), new Column("min_val", SqlType.TEXT),
            new Column("max_val", SqlType.TEXT), new Column("enumvals", SqlType.TEXT), new Column("boot_val", SqlType.TEXT),
            new Column("reset_val", SqlType.TEXT), new Column("sourcefile", SqlType.TEXT),
            new Column("sourceline", SqlType.INTEGER), new Column("pending_restart", SqlType.BOOLEAN));

    SessionCatalog {
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(registry, "registry is null");
        requireNonNull(settings, "settings is null");
    }

    @Override
    public Optional<TableDescriptor> table(String schema, String name) {
        return snapshot.table(schema, name);
    }

    @Override
    public Optional<ViewDescriptor> view(String schema, String name) {
        return snapshot.view(schema, name);
    }

    @Override
    public List<SegmentDescriptor> segments() {
        return snapshot.segments();
    }

    @Override
    public Optional<SystemRelation> systemRelation(String schema, String name) {
        if (!SystemRelations.SCHEMAS.contains(schema)) {
            return Optional.empty();
        }
        return switch (name) {
            case "gp_session_qes" -> Optional.of(sessionQes());
            case "gp_dispatch_stats" -> Optional.of(dispatchStats());
            case "pg_settings" -> Optional.of(new SystemRelation(PG_SETTINGS, settings.pgSettingsRows()));
            default -> snapshot.systemRelation(schema, name);
        };
    }

    private SystemRelation sessionQes() {
        List<List<Object>> rows = new ArrayList<>();
        for (QdSession session : registry.sessions()) {
            DispatcherSession dispatcher = session.dispatcherIfOpen();
            if (dispatcher == null) {
                continue;
            }
            for (QeInfo qe : dispatcher.qes()) {
                rows.add(Arrays.asList(session.gpSessionId(), qe.content(), qe.writer() ? "writer" : "reader",
                        qe.identifier(), qe.gangId().isPresent() ? qe.gangId().getAsInt() : null, qe.state().label(),
                        qe.idleSince().map(Object::toString).orElse(null)));
            }
        }
        return new SystemRelation(SESSION_QES, rows);
    }

    private SystemRelation dispatchStats() {
        List<List<Object>> rows = new ArrayList<>();
        for (QdSession session : registry.sessions()) {
            DispatcherSession dispatcher = session.dispatcherIfOpen();
            if (dispatcher == null) {
                continue;
            }
            DispatchStats stats = dispatcher.stats();
            long id = session.gpSessionId();
            rows.add(List.of(id, "qes_created", stats.qesCreated()));
            rows.add(List.of(id, "qes_reused", stats.qesReused()));
            rows.add(List.of(id, "qes_destroyed", stats.qesDestroyed()));
            for (DestroyReason reason : DestroyReason.values()) {
                rows.add(List.of(id, "qes_destroyed_" + reason.name().toLowerCase(Locale.ROOT), stats.destroyed(reason)));
            }
            rows.add(List.of(id, "gangs_created", stats.gangsCreated()));
            rows.add(List.of(id, "gang_creation_us", stats.gangCreationTime().toNanos() / 1_000));
        }
        return new SystemRelation(DISPATCH_STATS, rows);
    }
}
