package io.gangway.interconnect.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.settings.SettingContext;
import io.gangway.api.settings.SettingDefinition;
import io.gangway.spi.interconnect.InterconnectSettings;
import io.gangway.tck.settings.SettingDeclarations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TcpInterconnectConfigTest {
    @Test
    void defaults() {
        TcpInterconnectConfig config = TcpInterconnectConfig.from(Map.of());
        assertThat(config).isEqualTo(TcpInterconnectConfig.DEFAULT);
        assertThat(config.listenAddress()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isZero();
        assertThat(config.queueDepth()).isEqualTo(4);
        assertThat(config.setupTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.unclaimedStreamTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.maxFrameLength()).isEqualTo(256 * 1024 * 1024);
        assertThat(config.ioThreads()).isEqualTo(2);
    }

    @Test
    void everyKeyMaps() {
        TcpInterconnectConfig config = TcpInterconnectConfig.from(Map.of(
                "interconnect_listen_address", "0.0.0.0",
                "interconnect_port", "7010",
                "GP_INTERCONNECT_QUEUE_DEPTH", "16",
                "gp_interconnect_setup_timeout", "90",
                "interconnect_unclaimed_stream_timeout", "2500ms",
                "interconnect_max_frame_length", "8MB",
                "interconnect_io_threads", "3"));
        assertThat(config).isEqualTo(new TcpInterconnectConfig(
                "0.0.0.0", 7010, 16, Duration.ofSeconds(90), Duration.ofSeconds(2), 8 * 1024 * 1024, 3));
    }

    @Test
    void timeoutsTakeUnits() {
        TcpInterconnectConfig config = TcpInterconnectConfig.from(Map.of(
                "gp_interconnect_setup_timeout", "2min", "interconnect_unclaimed_stream_timeout", "45"));
        assertThat(config.setupTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.unclaimedStreamTimeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void badValuesAreInvalidParameterValues() {
        assertInvalid("gp_interconnect_queue_depth", "0");
        assertInvalid("gp_interconnect_queue_depth", "deep");
        assertInvalid("interconnect_port", "70000");
        assertInvalid("gp_interconnect_setup_timeout", "soon");
        assertInvalid("interconnect_io_threads", "0");
        assertInvalid("gp_interconnect_queue_depth", "4097");
        assertInvalid("interconnect_max_frame_length", "4 parsecs");
    }

    @Test
    void theFactoryDeclaresEverySettingTheConfigReads() {
        List<SettingDefinition> declared = new TcpInterconnectFactory().settings();
        assertThat(declared).containsExactlyInAnyOrderElementsOf(TcpInterconnectConfig.SETTINGS)
                .contains(TcpInterconnectConfig.MAX_FRAME_LENGTH, TcpInterconnectConfig.IO_THREADS,
                        InterconnectSettings.QUEUE_DEPTH, InterconnectSettings.SETUP_TIMEOUT);
        SettingDeclarations.assertDeclaresEverySettingOf(declared, TcpInterconnectConfig.class, TcpInterconnectConfig::from,
                TcpInterconnectConfig.DEFAULT);
        // Read once at start: none may be declared changeable per session (SET would do nothing).
        assertThat(declared).extracting(SettingDefinition::context).containsOnly(SettingContext.POSTMASTER);
    }

    @Test
    void withersChangeOneValue() {
        TcpInterconnectConfig config = TcpInterconnectConfig.DEFAULT
                .withQueueDepth(2)
                .withSetupTimeout(Duration.ofSeconds(1))
                .withUnclaimedStreamTimeout(Duration.ofSeconds(2));
        assertThat(config).isEqualTo(new TcpInterconnectConfig(
                "127.0.0.1", 0, 2, Duration.ofSeconds(1), Duration.ofSeconds(2), 256 * 1024 * 1024, 2));
    }

    private static void assertInvalid(String key, String value) {
        assertThatThrownBy(() -> TcpInterconnectConfig.from(Map.of(key, value)))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE))
                .hasMessageContaining(key);
    }
}
