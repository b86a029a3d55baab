package io.gangway.engine.config;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The settings a session knows, with their defaults and whether a client may change them. Names
 * are PostgreSQL's and Greenplum's where the meaning is the same. {@code SHOW} of an unknown name and
 * {@code SET} of an unknown name without a dot are errors ({@code 42704}), as in PostgreSQL;
 * dotted names ({@code myapp.x}) are custom settings and always allowed.
 */
public final class Gucs {
    /** What a setting is: its default, whether SET may change it, and whether it is reported to clients at startup. */
    public record Definition(String name, String defaultValue, boolean userSettable, boolean reported) {
    }

    private static final Map<String, Definition> DEFINITIONS = new LinkedHashMap<>();

    static {
        // Reported to clients in ParameterStatus at startup, as PostgreSQL does.
        reported("server_version", "12.12", false);
        reported("server_encoding", "UTF8", false);
        reported("client_encoding", "UTF8", true);
        reported("DateStyle", "ISO, MDY", true);
        reported("IntervalStyle", "postgres", true);
        reported("TimeZone", "UTC", true);
        reported("integer_datetimes", "on", false);
        reported("standard_conforming_strings", "on", true);
        reported("application_name", "", true);
        reported("is_superuser", "on", false);
        reported("session_authorization", "gangway", false);
        // Ordinary settings.
        setting("extra_float_digits", "1", true);
        setting("search_path", "\"$user\", public", true);
        setting("statement_timeout", "0", true);
        setting("work_mem", "32MB", true);
        setting("default_table_access_method", "heap", true);
        setting("optimizer", "off", true);
        setting("gp_interconnect_type", "tcp", false);
        setting("gp_interconnect_queue_depth", "4", true);
        setting("gp_interconnect_snd_queue_depth", "2", true);
        setting("gp_cached_gang_threshold", "5", true);
        setting("gp_vmem_idle_resource_timeout", "18000", true);
        setting("gp_vmem_protect_gang_cache_limit", "500", true);
        setting("gp_dispatch_pooling", "on", true);
        setting("gp_session_id", "-1", false);
        setting("max_connections", "250", false);
        setting("transaction_isolation", "read committed", false);
        setting("server_version_num", "120012", false);
    }

    private Gucs() {
    }

    private static void reported(String name, String value, boolean settable) {
        DEFINITIONS.put(name.toLowerCase(Locale.ROOT), new Definition(name, value, settable, true));
    }

    private static void setting(String name, String value, boolean settable) {
        DEFINITIONS.put(name.toLowerCase(Locale.ROOT), new Definition(name, value, settable, false));
    }

    public static Optional<Definition> definition(String name) {
        return Optional.ofNullable(DEFINITIONS.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every known setting with its default, by lower-case name. */
    public static SortedMap<String, String> defaults() {
        SortedMap<String, String> out = new TreeMap<>();
        DEFINITIONS.forEach((k, d) -> out.put(k, d.defaultValue()));
        return out;
    }

    /** The settings reported at startup, by their display names. */
    public static Map<String, String> reportedNames() {
        Map<String, String> out = new LinkedHashMap<>();
        DEFINITIONS.forEach((k, d) -> {
            if (d.reported()) {
                out.put(k, d.name());
            }
        });
        return out;
    }

    /** Checks that a client may set {@code name}; throws PostgreSQL's error otherwise. */
    public static void checkSettable(String name) {
        Optional<Definition> definition = definition(name);
        if (definition.isEmpty()) {
            if (!name.contains(".")) {
                throw unrecognized(name);
            }
            return;
        }
        if (!definition.get().userSettable()) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                    "parameter \"" + name + "\" cannot be changed now");
        }
    }

    public static SqlException unrecognized(String name) {
        return new SqlException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
    }
}
