package io.gangway.engine.config;

import io.gangway.api.settings.SettingContext;
import io.gangway.api.settings.SettingDefinition;
import io.gangway.api.settings.SettingUnit;
import io.gangway.api.settings.StandardSettings;
import io.gangway.engine.guice.ExtensionRegistry;
import io.gangway.spi.analyzer.Analyzer;
import io.gangway.spi.dispatch.Dispatcher;
import io.gangway.spi.dispatch.GangManagerFactory;
import io.gangway.spi.dispatch.IdleQePoolFactory;
import io.gangway.spi.interconnect.Interconnect;
import io.gangway.spi.parser.Parser;
import io.gangway.spi.planner.Planner;
import io.gangway.spi.rewriter.Rewriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings the engine itself reads or shows: the session settings clients expect of PostgreSQL
 * (those reported at startup among them), the process's listen address and entry-db port, and the
 * choice of each SPI implementation ({@code parser}, {@code planner}, {@code dispatcher},
 * {@code gp_interconnect_type}), whose allowed values are the installed implementations' names.
 * Names and defaults are PostgreSQL's and Greenplum's where the meaning is the same.
 */
public final class EngineSettings {
    private static final String PRESET = "Preset Options";
    private static final String LOCALE = "Client Connection Defaults / Locale and Formatting";
    private static final String STATEMENT = "Client Connection Defaults / Statement Behavior";
    private static final String COMPATIBILITY = "Version and Platform Compatibility / Previous PostgreSQL Versions";
    private static final String CONNECTIONS = "Connections and Authentication / Connection Settings";
    private static final String EXTENSIONS = "Gangway / Extensions";

    public static final SettingDefinition SERVER_VERSION = SettingDefinition.string("server_version", "12.12",
            SettingContext.INTERNAL, PRESET, "Shows the server version.");
    public static final SettingDefinition SERVER_VERSION_NUM = SettingDefinition.integer("server_version_num", 120012,
            120012, 120012, SettingContext.INTERNAL, PRESET, "Shows the server version as an integer.");
    public static final SettingDefinition SERVER_ENCODING = SettingDefinition.string("server_encoding", "UTF8",
            SettingContext.INTERNAL, PRESET, "Shows the server (database) character set encoding.");
    public static final SettingDefinition INTEGER_DATETIMES = SettingDefinition.bool("integer_datetimes", true,
            SettingContext.INTERNAL, PRESET, "Shows whether datetimes are integer based.");
    public static final SettingDefinition IS_SUPERUSER = SettingDefinition.bool("is_superuser", true,
            SettingContext.INTERNAL, PRESET, "Shows whether the current user is a superuser.");
    public static final SettingDefinition SESSION_AUTHORIZATION = SettingDefinition.string("session_authorization",
            "gangway", SettingContext.INTERNAL, PRESET, "Shows the session user name.");
    public static final SettingDefinition TRANSACTION_ISOLATION = SettingDefinition.string("transaction_isolation",
            "read committed", SettingContext.INTERNAL, STATEMENT,
            "Shows the transaction isolation level; Gangway runs read committed only.");
    public static final SettingDefinition MAX_CONNECTIONS = SettingDefinition.integer("max_connections", 250, 1, 262143,
            SettingContext.INTERNAL, CONNECTIONS, "Shows the number of concurrent connections the coordinator is sized for.");
    public static final SettingDefinition GP_SESSION_ID = SettingDefinition.integer("gp_session_id", -1, -1,
            Long.MAX_VALUE, SettingContext.INTERNAL, "Gangway / Dispatch", "Shows the id that names the session to its QEs.");

    public static final SettingDefinition CLIENT_ENCODING = SettingDefinition.string("client_encoding", "UTF8",
            SettingContext.USER, LOCALE, "Sets the client's character set encoding.");
    public static final SettingDefinition DATE_STYLE = SettingDefinition.string("DateStyle", "ISO, MDY",
            SettingContext.USER, LOCALE, "Sets the display format for date and time values.");
    public static final SettingDefinition INTERVAL_STYLE = SettingDefinition.enumerated("IntervalStyle", "postgres",
            List.of("postgres", "postgres_verbose", "sql_standard", "iso_8601"), SettingContext.USER, LOCALE,
            "Sets the display format for interval values.");
    public static final SettingDefinition TIME_ZONE = SettingDefinition.string("TimeZone", "UTC", SettingContext.USER,
            LOCALE, "Sets the time zone for displaying and interpreting time stamps.");
    public static final SettingDefinition EXTRA_FLOAT_DIGITS = SettingDefinition.integer("extra_float_digits", 1, -15, 3,
            SettingContext.USER, LOCALE, "Sets the number of digits displayed for floating-point values.");
    /** Only {@code on}: the parser always reads backslashes in ordinary strings literally. */
    public static final SettingDefinition STANDARD_CONFORMING_STRINGS = SettingDefinition.enumerated(
            "standard_conforming_strings", "on", List.of("on"), SettingContext.USER, COMPATIBILITY,
            "Causes '...' strings to treat backslashes literally; Gangway supports on only.");
    public static final SettingDefinition APPLICATION_NAME = SettingDefinition.string("application_name", "",
            SettingContext.USER, "Reporting and Logging / What to Log",
            "Sets the application name to be reported in statistics and logs.");
    public static final SettingDefinition SEARCH_PATH = SettingDefinition.string("search_path", "\"$user\", public",
            SettingContext.USER, STATEMENT, "Sets the schema search order for names that are not schema-qualified.");
    public static final SettingDefinition STATEMENT_TIMEOUT = StandardSettings.STATEMENT_TIMEOUT;
    /** Greenplum's default, 32MB. */
    public static final SettingDefinition WORK_MEM = SettingDefinition.integer("work_mem", 32 * 1024,
            SettingUnit.KILOBYTES, 64, Integer.MAX_VALUE, SettingContext.USER, "Resource Usage / Memory",
            "Sets the maximum memory to be used for query workspaces.");
    public static final SettingDefinition DEFAULT_TABLE_ACCESS_METHOD = SettingDefinition.string(
            "default_table_access_method", "heap", SettingContext.USER, STATEMENT,
            "Sets the storage engine of tables created without USING.");
    /** Only {@code off}: GPORCA is not part of Gangway. Accepted so that Greenplum scripts that turn it off run. */
    public static final SettingDefinition OPTIMIZER = SettingDefinition.enumerated("optimizer", "off", List.of("off"),
            SettingContext.USER, "Query Tuning / Planner Method Configuration",
            "Selects GPORCA; Gangway has only the Postgres-based planner, so off is the one value.");

    public static final SettingDefinition LISTEN_ADDRESS = SettingDefinition.string("listen_address", "127.0.0.1",
            SettingContext.POSTMASTER, CONNECTIONS, "Sets the address the process listens on.");
    public static final SettingDefinition ENTRYDB_PORT = SettingDefinition.integer("entrydb_port", 0, 0, 65535,
            SettingContext.POSTMASTER, "Gangway / Dispatch",
            "Sets the port of the coordinator's entry-db dispatch listener; 0 takes any free port.");

    /** The SPI choices, as text to read them by; {@link #declarations} declares them as enums of what is installed. */
    public static final SettingDefinition PARSER = selection("parser", "antlr", List.of(), "Selects the parser.");
    public static final SettingDefinition ANALYZER = selection("analyzer", "default", List.of(), "Selects the analyzer.");
    public static final SettingDefinition REWRITER = selection("rewriter", "default", List.of(), "Selects the rewriter.");
    public static final SettingDefinition PLANNER = selection("planner", "rules", List.of(), "Selects the planner.");
    public static final SettingDefinition IDLE_QE_POOL = selection(IdleQePoolFactory.SETTING,
            IdleQePoolFactory.DEFAULT_NAME, List.of(), "Selects the idle-QE pool each QD session keeps its QEs in.");
    public static final SettingDefinition GANG_MANAGER = selection(GangManagerFactory.SETTING,
            GangManagerFactory.DEFAULT_NAME, List.of(), "Selects the gang manager that makes gangs out of the pool.");
    public static final SettingDefinition DISPATCHER = selection("dispatcher", "default", List.of(),
            "Selects the dispatcher.");
    public static final SettingDefinition INTERCONNECT_TYPE = selection("gp_interconnect_type", "tcp", List.of(),
            "Selects the interconnect: the transport of motions.");

    /** Sent to the client in {@code ParameterStatus} at startup, as PostgreSQL does, in this order. */
    public static final List<SettingDefinition> REPORTED = List.of(SERVER_VERSION, SERVER_ENCODING, CLIENT_ENCODING,
            DATE_STYLE, INTERVAL_STYLE, TIME_ZONE, INTEGER_DATETIMES, STANDARD_CONFORMING_STRINGS, APPLICATION_NAME,
            IS_SUPERUSER, SESSION_AUTHORIZATION);

    private EngineSettings() {
    }

    /** Everything the engine declares, with each SPI choice an enum of the implementations {@code extensions} holds. */
    public static List<SettingDefinition> declarations(ExtensionRegistry extensions) {
        List<SettingDefinition> out = new ArrayList<>(List.of(SERVER_VERSION, SERVER_VERSION_NUM, SERVER_ENCODING,
                INTEGER_DATETIMES, IS_SUPERUSER, SESSION_AUTHORIZATION, TRANSACTION_ISOLATION, MAX_CONNECTIONS,
                GP_SESSION_ID, CLIENT_ENCODING, DATE_STYLE, INTERVAL_STYLE, TIME_ZONE, EXTRA_FLOAT_DIGITS,
                STANDARD_CONFORMING_STRINGS, APPLICATION_NAME, SEARCH_PATH, STATEMENT_TIMEOUT, WORK_MEM,
                DEFAULT_TABLE_ACCESS_METHOD, OPTIMIZER, LISTEN_ADDRESS, ENTRYDB_PORT));
        out.add(installed(PARSER, extensions.names(Parser.class)));
        out.add(installed(ANALYZER, extensions.names(Analyzer.class)));
        out.add(installed(REWRITER, extensions.names(Rewriter.class)));
        out.add(installed(PLANNER, extensions.names(Planner.class)));
        out.add(installed(IDLE_QE_POOL, extensions.names(IdleQePoolFactory.class)));
        out.add(installed(GANG_MANAGER, extensions.names(GangManagerFactory.class)));
        out.add(installed(DISPATCHER, extensions.names(Dispatcher.class)));
        out.add(installed(INTERCONNECT_TYPE, extensions.names(Interconnect.class)));
        return List.copyOf(out);
    }

    /** An SPI choice: read once, at start; an enum of the installed names when its default is among them. */
    private static SettingDefinition selection(String name, String defaultValue, List<String> installed, String description) {
        return installed.contains(defaultValue)
                ? SettingDefinition.enumerated(name, defaultValue, installed, SettingContext.POSTMASTER, EXTENSIONS, description)
                : SettingDefinition.string(name, defaultValue, SettingContext.POSTMASTER, EXTENSIONS, description);
    }

    private static SettingDefinition installed(SettingDefinition choice, List<String> names) {
        return selection(choice.name(), choice.defaultValue(), names, choice.description());
    }
}
