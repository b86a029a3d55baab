package io.gangway.engine.qd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.settings.SettingContext;
import io.gangway.api.settings.SettingDefinition;
import io.gangway.engine.config.EngineSettings;
import io.gangway.engine.config.SettingSource;
import io.gangway.engine.config.SettingsRegistry;
import io.gangway.engine.guice.ExtensionRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionSettingsTest {
    private static final SettingDefinition QUEUE_DEPTH = SettingDefinition.integer("gp_interconnect_queue_depth", 4, 1,
            4096, SettingContext.POSTMASTER, "Gangway / Interconnect", "Sets the chunks a receiving stream queues.");
    private static final SettingsRegistry REGISTRY = SettingsRegistry.build(new ExtensionRegistry(List.of()),
            List.of(QUEUE_DEPTH));

    private static SessionSettings session(Map<String, String> process, Map<String, String> startup) {
        return new SessionSettings(REGISTRY, new Settings(process),
                Map.of("statement_timeout", SettingSource.configurationFile("/d/gangway.conf", 7)), startup);
    }

    @Test
    void setShowAndResetOfAPerSessionSetting() {
        SessionSettings settings = session(Map.of(), Map.of());
        assertThat(settings.show("work_mem")).isEqualTo("32MB");
        assertThat(settings.set("WORK_MEM", "8MB")).isEqualTo(Map.of("work_mem", "8MB"));
        assertThat(settings.show("work_mem")).isEqualTo("8MB");
        assertThat(settings.current().getBytes(EngineSettings.WORK_MEM)).isEqualTo(8L << 20);
        assertThat(settings.reset("work_mem")).isEqualTo(Map.of("work_mem", "32768"));
        assertThat(settings.show("work_mem")).isEqualTo("32MB");
    }

    @Test
    void aBadValueIs22023NamingTheSettingAndItsBounds() {
        SessionSettings settings = session(Map.of(), Map.of());
        assertThatThrownBy(() -> settings.set("work_mem", "-5")).isInstanceOfSatisfying(SqlException.class, e -> {
            assertThat(e.state()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
            assertThat(e.getMessage()).isEqualTo(
                    "-5 kB is outside the valid range for parameter \"work_mem\" (64 kB .. 2147483647 kB)");
        });
        assertThatThrownBy(() -> settings.set("statement_timeout", "soon")).isInstanceOfSatisfying(SqlException.class,
                e -> assertThat(e.getMessage()).isEqualTo("invalid value for parameter \"statement_timeout\": \"soon\""));
        assertThatThrownBy(() -> settings.set("optimizer", "on")).isInstanceOfSatisfying(SqlException.class,
                e -> assertThat(e.hint()).contains("Available values: off."));
        assertThat(settings.show("work_mem")).isEqualTo("32MB");
    }

    @Test
    void settingsNotPerSessionAre55P02AndUnknownNames42704() {
        SessionSettings settings = session(Map.of(), Map.of());
        assertState(() -> settings.set("gp_interconnect_queue_depth", "8"), SqlState.CANT_CHANGE_RUNTIME_PARAM,
                "parameter \"gp_interconnect_queue_depth\" cannot be changed without restarting the server");
        assertState(() -> settings.reset("gp_interconnect_queue_depth"), SqlState.CANT_CHANGE_RUNTIME_PARAM,
                "parameter \"gp_interconnect_queue_depth\" cannot be changed without restarting the server");
        assertState(() -> settings.set("server_version", "13"), SqlState.CANT_CHANGE_RUNTIME_PARAM,
                "parameter \"server_version\" cannot be changed");
        assertState(() -> settings.set("no_such_setting", "1"), SqlState.UNDEFINED_OBJECT,
                "unrecognized configuration parameter \"no_such_setting\"");
        assertState(() -> settings.show("no_such_setting"), SqlState.UNDEFINED_OBJECT,
                "unrecognized configuration parameter \"no_such_setting\"");
        assertState(() -> settings.show("myapp.unset"), SqlState.UNDEFINED_OBJECT,
                "unrecognized configuration parameter \"myapp.unset\"");
        assertThat(settings.show("gp_interconnect_queue_depth")).isEqualTo("4");
    }

    @Test
    void customDottedSettingsAreAllowed() {
        SessionSettings settings = session(Map.of(), Map.of());
        settings.set("myapp.colour", "blue");
        assertThat(settings.show("MYAPP.colour")).isEqualTo("blue");
        assertThat(settings.showAll()).contains(List.of("myapp.colour", "blue", ""));
        assertThat(settings.reset("myapp.colour")).isEmpty();
        assertThatThrownBy(() -> settings.show("myapp.colour")).isInstanceOf(SqlException.class);
    }

    @Test
    void startupParametersApplyWhenPerSessionAndValid() {
        SessionSettings settings = session(Map.of(), Map.of("DateStyle", "ISO", "extra_float_digits", "99",
                "server_version", "9", "user", "alice", "application_name", "psql"));
        assertThat(settings.show("datestyle")).isEqualTo("ISO");
        assertThat(settings.show("extra_float_digits")).isEqualTo("1");
        assertThat(settings.show("server_version")).isEqualTo("12.12");
        assertThat(settings.reported()).containsEntry("DateStyle", "ISO").containsEntry("application_name", "psql")
                .containsEntry("integer_datetimes", "on").containsEntry("server_version", "12.12")
                .doesNotContainKey("statement_timeout");
        settings.set("DateStyle", "German");
        assertThat(settings.resetAll()).isEqualTo(Map.of("datestyle", "ISO"));
        assertThat(settings.show("DateStyle")).isEqualTo("ISO");
    }

    @Test
    void theProcessValuesLieUnderTheSessions() {
        SessionSettings settings = session(Map.of("statement_timeout", "5s"), Map.of());
        assertThat(settings.current().getDuration(EngineSettings.STATEMENT_TIMEOUT)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.show("statement_timeout")).isEqualTo("5s");
        settings.set("statement_timeout", "250");
        assertThat(settings.show("statement_timeout")).isEqualTo("250ms");
        assertThat(settings.reset("statement_timeout")).isEqualTo(Map.of("statement_timeout", "5s"));
    }

    @Test
    void showAllListsEverySettingWithItsDescription() {
        List<List<Object>> rows = session(Map.of(), Map.of()).showAll();
        assertThat(rows).extracting(r -> r.get(0)).contains("DateStyle", "gp_interconnect_queue_depth", "work_mem");
        assertThat(rows).contains(List.of("work_mem", "32MB", EngineSettings.WORK_MEM.description()));
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(3));
    }

    @Test
    void pgSettingsRowsHavePostgresqlsColumns() {
        SessionSettings settings = session(Map.of("statement_timeout", "5s"), Map.of("DateStyle", "ISO"));
        settings.set("work_mem", "8MB");
        settings.override(EngineSettings.GP_SESSION_ID, "42");
        Map<Object, List<Object>> byName = new java.util.HashMap<>();
        settings.pgSettingsRows().forEach(r -> byName.put(r.get(0), r));
        assertThat(byName).hasSameSizeAs(REGISTRY.definitions());
        // name, setting, unit, category, short_desc, extra_desc, context, vartype, source, min_val, max_val,
        // enumvals, boot_val, reset_val, sourcefile, sourceline, pending_restart
        assertThat(byName.get("work_mem")).containsExactly("work_mem", "8192", "kB", "Resource Usage / Memory",
                EngineSettings.WORK_MEM.description(), null, "user", "integer", "session", "64", "2147483647", null,
                "32768", "32768", null, null, false);
        assertThat(byName.get("statement_timeout")).containsExactly("statement_timeout", "5000", "ms",
                EngineSettings.STATEMENT_TIMEOUT.category(), EngineSettings.STATEMENT_TIMEOUT.description(), null,
                "user", "integer", "configuration file", "0", "2147483647", null, "0", "5000", "/d/gangway.conf", 7,
                false);
        assertThat(byName.get("DateStyle").subList(8, 9)).containsExactly("client");
        assertThat(byName.get("gp_session_id").subList(1, 2)).containsExactly("42");
        assertThat(byName.get("gp_session_id").subList(8, 9)).containsExactly("override");
        assertThat(byName.get("IntervalStyle").subList(11, 12))
                .containsExactly("{postgres,postgres_verbose,sql_standard,iso_8601}");
        assertThat(byName.get("gp_interconnect_queue_depth").subList(6, 9))
                .containsExactly("postmaster", "integer", "default");
    }

    private static void assertState(Runnable action, SqlState state, String message) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(SqlException.class, e -> {
            assertThat(e.state()).isEqualTo(state);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
