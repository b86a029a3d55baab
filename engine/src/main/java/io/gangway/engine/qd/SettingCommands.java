package io.gangway.engine.qd;

import io.gangway.api.Column;
import io.gangway.api.SqlType;
import io.gangway.engine.session.QueryResult;
import io.gangway.spi.ast.SetVariable;
import io.gangway.spi.dispatch.DispatcherSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code SET}, {@code RESET} and {@code SHOW} over the session's {@link SessionSettings}: a change
 * reaches the session's live QEs at once (Greenplum dispatches SET to every gang), and {@code SHOW}
 * also answers the session's dispatch counters ({@code gp_qes_created}, {@code gp_qes_reused},
 * {@code gp_qes_destroyed}).
 */
final class SettingCommands {
    private final SessionSettings settings;
    /** The dispatcher session if one is open (a session that never dispatched has no QEs to tell). */
    private final Supplier<@Nullable DispatcherSession> openDispatcher;
    /** The dispatcher session, opened if need be (for its counters). */
    private final Supplier<DispatcherSession> dispatcher;

    SettingCommands(SessionSettings settings, Supplier<@Nullable DispatcherSession> openDispatcher,
            Supplier<DispatcherSession> dispatcher) {
        this.settings = settings;
        this.openDispatcher = openDispatcher;
        this.dispatcher = dispatcher;
    }

    QueryResult set(SetVariable set) {
        applyToQes(set.toDefault() ? settings.reset(set.name()) : settings.set(set.name(), set.value()));
        return Results.tag("SET");
    }

    QueryResult reset(String name) {
        applyToQes(name.equalsIgnoreCase("all") ? settings.resetAll() : settings.reset(name));
        return Results.tag("RESET");
    }

    QueryResult show(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        List<List<Object>> rows = new ArrayList<>();
        if (key.equals("all")) {
            rows.addAll(settings.showAll());
        } else {
            rows.add(List.of(dispatchStatistic(key).orElseGet(() -> settings.show(key))));
        }
        return Results.rows(columns(key), rows, "SHOW");
    }

    /** The columns {@code SHOW name} returns, for Describe. */
    static List<Column> columns(String name) {
        return name.equalsIgnoreCase("all")
                ? List.of(new Column("name", SqlType.TEXT), new Column("setting", SqlType.TEXT),
                        new Column("description", SqlType.TEXT))
                : List.of(new Column(name.toLowerCase(Locale.ROOT), SqlType.TEXT));
    }

    /** Session settings changed: the session's QEs (and the dispatcher's own view) take the change. */
    private void applyToQes(Map<String, String> changed) {
        DispatcherSession open = openDispatcher.get();
        if (open != null && !changed.isEmpty()) {
            open.applySettings(changed);
        }
    }

    private Optional<String> dispatchStatistic(String key) {
        return switch (key) {
            case "gp_qes_created" -> Optional.of(Long.toString(dispatcher.get().stats().qesCreated()));
            case "gp_qes_reused" -> Optional.of(Long.toString(dispatcher.get().stats().qesReused()));
            case "gp_qes_destroyed" -> Optional.of(Long.toString(dispatcher.get().stats().qesDestroyed()));
            default -> Optional.empty();
        };
    }
}
