package io.gangway.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GucsTest {
    @Test
    void defaultsAreGreenplumsWhereTheNameIsGreenplums() {
        assertThat(Gucs.defaults()).containsAllEntriesOf(Map.of(
                "gp_interconnect_type", "tcp",
                "gp_interconnect_queue_depth", "4",
                "gp_interconnect_snd_queue_depth", "2",
                "gp_cached_gang_threshold", "5",
                "gp_vmem_idle_resource_timeout", "18000",
                "gp_vmem_protect_gang_cache_limit", "500",
                "statement_timeout", "0",
                "default_table_access_method", "heap",
                "gp_dispatch_pooling", "on",
                "server_version", "12.12"));
    }

    @Test
    void clientsSeeTheReportedSettingsByTheirDisplayNames() {
        assertThat(Gucs.reportedNames()).containsEntry("datestyle", "DateStyle").containsEntry("timezone", "TimeZone")
                .containsEntry("server_version", "server_version").doesNotContainKey("statement_timeout");
    }

    @Test
    void whatAClientMaySet() {
        Gucs.checkSettable("statement_timeout");
        Gucs.checkSettable("WORK_MEM");
        Gucs.checkSettable("myapp.anything");
        assertThatThrownBy(() -> Gucs.checkSettable("server_version")).isInstanceOfSatisfying(SqlException.class,
                e -> assertThat(e.state()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
        assertThatThrownBy(() -> Gucs.checkSettable("no_such_setting")).isInstanceOfSatisfying(SqlException.class, e -> {
            assertThat(e.state()).isEqualTo(SqlState.UNDEFINED_OBJECT);
            assertThat(e.getMessage()).isEqualTo("unrecognized configuration parameter \"no_such_setting\"");
        });
    }
}
