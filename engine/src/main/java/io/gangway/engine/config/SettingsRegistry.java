package io.gangway.engine.config;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.settings.SettingContext;
import io.gangway.api.settings.SettingDefinition;
import io.gangway.engine.guice.ExtensionRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every setting a process knows: the engine's own ({@link EngineSettings}), those of every installed
 * extension's factories, and the host's (the server's {@code port}, …). {@code SET}, {@code SHOW},
 * {@code pg_settings} and the check of {@code gangway.conf} all ask it, so no module lists another's
 * settings. A name declared twice must be declared alike; two different declarations stop the
 * process at start. Names are matched without regard to case; a name with a dot
 * ({@code myapp.x}) is a custom setting, always allowed and never declared.
 */
public final class SettingsRegistry {
    private final Map<String, SettingDefinition> byKey = new TreeMap<>();
    private final Map<String, String> ownerByKey = new TreeMap<>();

    /**
     * A registry of the declarations of each owner (an owner names who declared them in errors).
     *
     * @throws IllegalStateException if two owners declare one name differently
     */
    public SettingsRegistry(Map<String, List<SettingDefinition>> declarationsByOwner) {
        declarationsByOwner.forEach((owner, declarations) -> {
            for (SettingDefinition definition : declarations) {
                SettingDefinition earlier = byKey.putIfAbsent(definition.key(), definition);
                if (earlier == null) {
                    ownerByKey.put(definition.key(), owner);
                } else if (!earlier.equals(definition)) {
                    throw new IllegalStateException("setting \"" + definition.name() + "\" is declared differently by "
                            + ownerByKey.get(definition.key()) + " (" + earlier + ") and by " + owner + " (" + definition
                            + ")");
                }
            }
        });
    }

    /** The engine's settings, every installed extension's and the host's ({@code hostSettings}). */
    public static SettingsRegistry build(ExtensionRegistry extensions, List<SettingDefinition> hostSettings) {
        Map<String, List<SettingDefinition>> all = new LinkedHashMap<>();
        all.put("the engine", EngineSettings.declarations(extensions));
        all.putAll(extensions.declaredSettings());
        all.put("the server", List.copyOf(hostSettings));
        return new SettingsRegistry(all);
    }

    public Optional<SettingDefinition> definition(String name) {
        return Optional.ofNullable(byKey.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every declared setting, by name. */
    public List<SettingDefinition> definitions() {
        return new ArrayList<>(byKey.values());
    }

    /** Who declared a setting ({@code the engine}, {@code Interconnect "tcp"}, …). */
    public Optional<String> owner(String name) {
        return Optional.ofNullable(ownerByKey.get(name.toLowerCase(Locale.ROOT)));
    }

    /** A custom setting's name has a dot ({@code myapp.x}), as in PostgreSQL. */
    public static boolean isCustom(String name) {
        return name.contains(".");
    }

    /** The declared setting {@code name}; {@code 42704} otherwise. */
    public SettingDefinition require(String name) {
        return definition(name).orElseThrow(() -> unrecognized(name));
    }

    /**
     * Checks a value a process is started with (its {@code gangway.conf} or command line): the name
     * is declared or custom, and the value is valid. Settings fixed by the server
     * ({@link SettingContext#INTERNAL}) cannot be configured.
     */
    public void checkConfigured(String name, String value) {
        if (isCustom(name)) {
            return;
        }
        SettingDefinition definition = require(name);
        if (definition.context() == SettingContext.INTERNAL) {
            throw new SqlException(SqlState.CANT_CHANGE_RUNTIME_PARAM, "parameter \"" + definition.name() + "\" cannot be changed");
        }
        definition.parse(value);
    }

    /**
     * Checks that a session may change {@code name} ({@code SET}, {@code RESET}): {@code 42704} if it
     * is unknown, {@code 55P02} unless it is {@link SettingContext#USER}. Returns its definition, or
     * empty for a custom setting.
     */
    public Optional<SettingDefinition> checkSessionMayChange(String name) {
        if (isCustom(name) && definition(name).isEmpty()) {
            return Optional.empty();
        }
        SettingDefinition definition = require(name);
        String quoted = "parameter \"" + definition.name() + "\"";
        return switch (definition.context()) {
            case USER -> Optional.of(definition);
            case INTERNAL -> throw new SqlException(SqlState.CANT_CHANGE_RUNTIME_PARAM, quoted + " cannot be changed");
            case POSTMASTER -> throw new SqlException(SqlState.CANT_CHANGE_RUNTIME_PARAM,
                    quoted + " cannot be changed without restarting the server");
            case SIGHUP -> throw new SqlException(SqlState.CANT_CHANGE_RUNTIME_PARAM, quoted + " cannot be changed now");
        };
    }

    public static SqlException unrecognized(String name) {
        requireNonNull(name, "name is null");
        return new SqlException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
    }
}
