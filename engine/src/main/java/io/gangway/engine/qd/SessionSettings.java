package io.gangway.engine.qd;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.settings.SettingContext;
import io.gangway.api.settings.SettingDefinition;
import io.gangway.api.settings.SettingType;
import io.gangway.api.settings.SettingValues;
import io.gangway.api.settings.Units;
import io.gangway.engine.config.EngineSettings;
import io.gangway.engine.config.SettingSource;
import io.gangway.engine.config.SettingsRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A QD session's settings in layers, each over the one before: the declared defaults, the process's
 * ({@code gangway.conf}, command line), the client's startup parameters, values the server sets itself
 * ({@code gp_session_id}), and the session's {@code SET}s. It carries out {@code SET}, {@code RESET}
 * and {@code SHOW} against the {@link SettingsRegistry}, with PostgreSQL's errors: {@code 42704} for
 * an unknown name (a dotted custom name is allowed), {@code 55P02} for a setting that is not
 * per-session, {@code 22023} for a bad value; and it makes the rows of {@code pg_settings}.
 *
 * <p>Changes return what changed, by name, for the caller to pass on to the session's QEs.
 * Safe to read from any thread (a cancel or a system view may come from another).
 */
final class SessionSettings {
    private final SettingsRegistry registry;
    private final Settings process;
    private final Map<String, SettingSource> processSources;
    private final Map<String, String> client = new LinkedHashMap<>();
    private final Map<String, String> overrides = new ConcurrentHashMap<>();
    private final Map<String, String> session = new ConcurrentHashMap<>();
    /**
     * The layers merged, and the reported values shown, as of the last change: every statement reads
     * them (its settings, the ParameterStatus check before ReadyForQuery), while they change only at
     * SET, RESET and the server's overrides, which recompute them.
     */
    private volatile Settings current;
    private volatile Map<String, String> reported;

    /**
     * @param startupParameters the client's startup packet: the per-session settings among them with
     *     valid values apply, as their source {@code client}; anything else there is not a setting to
     *     refuse the connection for ({@code user}, {@code database}, options of other servers)
     */
    SessionSettings(SettingsRegistry registry, Settings process, Map<String, SettingSource> processSources,
            Map<String, String> startupParameters) {
        this.registry = requireNonNull(registry, "registry is null");
        this.process = requireNonNull(process, "process is null");
        this.processSources = Map.copyOf(processSources);
        startupParameters.forEach((name, value) -> registry.definition(name)
                .filter(d -> d.context() == SettingContext.USER && isValid(d, value))
                .ifPresent(d -> client.put(d.key(), value)));
        recompute();
    }

    /** Every value of the session, undeclared custom ones included. */
    Settings current() {
        return current;
    }

    /** Recomputes what is derived from the layers; called after every change to them. */
    private void recompute() {
        current = process.withAll(client).withAll(Map.copyOf(overrides)).withAll(Map.copyOf(session));
        Map<String, String> shown = new LinkedHashMap<>();
        for (SettingDefinition d : EngineSettings.REPORTED) {
            shown.put(d.name(), show(d.name()));
        }
        reported = Collections.unmodifiableMap(shown);
    }

    /** A value the server sets itself, shown with source {@code override}. */
    void override(SettingDefinition definition, String value) {
        overrides.put(definition.key(), value);
        recompute();
    }

    /** {@code SET name = value}; returns the change. */
    Map<String, String> set(String name, String value) {
        Optional<SettingDefinition> definition = registry.checkSessionMayChange(name);
        definition.ifPresent(d -> d.parse(value));
        String key = name.toLowerCase(Locale.ROOT);
        session.put(key, value);
        recompute();
        return Map.of(key, value);
    }

    /** {@code RESET name} and {@code SET name TO DEFAULT}; returns the value the session goes back to, if declared. */
    Map<String, String> reset(String name) {
        Optional<SettingDefinition> definition = registry.checkSessionMayChange(name);
        String key = name.toLowerCase(Locale.ROOT);
        session.remove(key);
        recompute();
        return definition.map(d -> Map.of(key, resetValue(d))).orElse(Map.of());
    }

    /** {@code RESET ALL}: every {@code SET} undone; returns the values the session goes back to. */
    Map<String, String> resetAll() {
        Map<String, String> changed = new TreeMap<>();
        for (String key : List.copyOf(session.keySet())) {
            session.remove(key);
            registry.definition(key).ifPresent(d -> changed.put(key, resetValue(d)));
        }
        recompute();
        return changed;
    }

    /** {@code SHOW name}: the value as PostgreSQL shows it ({@code 32MB}, {@code on}). */
    String show(String name) {
        Optional<SettingDefinition> definition = registry.definition(name);
        if (definition.isEmpty()) {
            return current().get(name).filter(v -> SettingsRegistry.isCustom(name))
                    .orElseThrow(() -> SettingsRegistry.unrecognized(name));
        }
        return SettingValues.show(definition.get(), value(definition.get()));
    }

    /** {@code SHOW ALL}: name, setting and description of every setting, custom ones the session set included. */
    List<List<Object>> showAll() {
        Map<String, List<Object>> rows = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (SettingDefinition d : registry.definitions()) {
            rows.put(d.name(), List.of(d.name(), show(d.name()), d.description()));
        }
        current().values().forEach((key, value) -> {
            if (registry.definition(key).isEmpty() && SettingsRegistry.isCustom(key)) {
                rows.put(key, List.of(key, value, ""));
            }
        });
        return new ArrayList<>(rows.values());
    }

    /** The settings reported to the client at startup ({@code ParameterStatus}), by their display names. */
    Map<String, String> reported() {
        return reported;
    }

    /** The rows of {@code pg_settings}, one per declared setting, with PostgreSQL's columns. */
    List<List<Object>> pgSettingsRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (SettingDefinition d : registry.definitions()) {
            Object[] bounds = bounds(d);
            SettingSource source = source(d.key());
            rows.add(Arrays.asList(
                    d.name(),
                    SettingValues.showInBaseUnit(d, value(d)),
                    d.unit().map(u -> u.symbol()).orElse(null),
                    d.category(),
                    d.description(),
                    null,
                    d.context().label(),
                    d.type().vartype(),
                    source.kind(),
                    bounds[0],
                    bounds[1],
                    d.type() instanceof SettingType.Choice c ? "{" + String.join(",", c.values()) + "}" : null,
                    SettingValues.showInBaseUnit(d, d.defaultParsed()),
                    SettingValues.showInBaseUnit(d, d.parse(resetValue(d))),
                    source.file().orElse(null),
                    source.line().isPresent() ? source.line().getAsInt() : null,
                    false));
        }
        return rows;
    }

    private Object value(SettingDefinition d) {
        return current().value(d);
    }

    /** What {@code RESET} goes back to: the client's startup value, else the process's, else the default. */
    private String resetValue(SettingDefinition d) {
        String fromClient = client.get(d.key());
        return fromClient != null ? fromClient : process.get(d.key()).orElse(d.defaultValue());
    }

    private SettingSource source(String key) {
        if (session.containsKey(key)) {
            return SettingSource.SESSION;
        }
        if (overrides.containsKey(key)) {
            return SettingSource.OVERRIDE;
        }
        if (client.containsKey(key)) {
            return SettingSource.CLIENT;
        }
        if (process.get(key).isPresent()) {
            return processSources.getOrDefault(key, SettingSource.COMMAND_LINE);
        }
        return SettingSource.DEFAULT;
    }

    private static Object[] bounds(SettingDefinition d) {
        return switch (d.type()) {
            case SettingType.Int i -> new Object[] {Long.toString(i.min()), Long.toString(i.max())};
            case SettingType.Real r -> new Object[] {Units.format(r.min()), Units.format(r.max())};
            case SettingType.Bool b -> new Object[] {null, null};
            case SettingType.Text t -> new Object[] {null, null};
            case SettingType.Choice c -> new Object[] {null, null};
        };
    }

    private static boolean isValid(SettingDefinition d, String value) {
        try {
            d.parse(value);
            return true;
        } catch (SqlException e) {
            return false;
        }
    }
}
