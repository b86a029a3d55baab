package io.gangway.interconnect.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.settings.SettingContext;
import io.gangway.api.settings.SettingDefinition;
import io.gangway.spi.interconnect.InterconnectSettings;
import io.gangway.spi.ExtensionContext;
import io.gangway.spi.Extension;
import io.gangway.spi.ServiceFactory;
import io.gangway.spi.interconnect.Interconnect;
import io.gangway.tck.settings.SettingDeclarations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class UdpInterconnectConfigTest {
    @Test
    void defaults() {
        UdpInterconnectConfig config = UdpInterconnectConfig.from(Map.of());
        assertThat(config).isEqualTo(UdpInterconnectConfig.DEFAULT);
        assertThat(config.listenAddress()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isZero();
        assertThat(config.queueDepth()).isEqualTo(4);
        assertThat(config.sndQueueDepth()).isEqualTo(2);
        assertThat(config.maxPacketSize()).isEqualTo(8192);
        assertThat(config.transmitTimeout()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(config.setupTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.unclaimedStreamTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.minRto()).isEqualTo(Duration.ofMillis(20));
        assertThat(config.socketBufferBytes()).isEqualTo(2 * 1024 * 1024);
    }

    @Test
    void everyKeyMaps() {
        UdpInterconnectConfig config = UdpInterconnectConfig.from(Map.ofEntries(
                Map.entry("interconnect_listen_address", "0.0.0.0"),
                Map.entry("interconnect_port", "7011"),
                Map.entry("GP_INTERCONNECT_QUEUE_DEPTH", "16"),
                Map.entry("gp_interconnect_snd_queue_depth", "8"),
                Map.entry("gp_max_packet_size", "1400"),
                Map.entry("gp_interconnect_transmit_timeout", "90"),
                Map.entry("gp_interconnect_setup_timeout", "120"),
                Map.entry("interconnect_unclaimed_stream_timeout", "2500ms"),
                Map.entry("gp_interconnect_min_rto", "10"),
                Map.entry("gp_udp_bufsize_k", "512")));
        assertThat(config).isEqualTo(new UdpInterconnectConfig("0.0.0.0", 7011, 16, 8, 1400, Duration.ofSeconds(90),
                Duration.ofSeconds(120), Duration.ofSeconds(2), Duration.ofMillis(10), 512 * 1024));
    }

    @Test
    void durationsTakeUnits() {
        UdpInterconnectConfig config = UdpInterconnectConfig.from(Map.of(
                "gp_interconnect_transmit_timeout", "2min", "gp_interconnect_min_rto", "1s",
                "gp_interconnect_setup_timeout", "1h"));
        assertThat(config.transmitTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.minRto()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.setupTimeout()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void badValuesAreInvalidParameterValues() {
        assertInvalid("gp_interconnect_queue_depth", "0");
        assertInvalid("gp_interconnect_queue_depth", "4097");
        assertInvalid("gp_interconnect_snd_queue_depth", "0");
        assertInvalid("gp_max_packet_size", "511");
        assertInvalid("gp_max_packet_size", "65508");
        assertInvalid("interconnect_port", "70000");
        assertInvalid("gp_interconnect_transmit_timeout", "never");
        assertInvalid("gp_interconnect_min_rto", "2s");
        assertInvalid("gp_udp_bufsize_k", "1");
        assertInvalid("gp_interconnect_setup_timeout", "500ms");
        assertInvalid("gp_max_packet_size", "64 parsecs");
    }

    @Test
    void theFactoryDeclaresEverySettingTheConfigReads() {
        List<SettingDefinition> declared = new UdpInterconnectFactory().settings();
        assertThat(declared).containsExactlyInAnyOrderElementsOf(UdpInterconnectConfig.SETTINGS)
                .contains(InterconnectSettings.QUEUE_DEPTH, UdpInterconnectConfig.MAX_PACKET_SIZE);
        SettingDeclarations.assertDeclaresEverySettingOf(declared, UdpInterconnectConfig.class, UdpInterconnectConfig::from,
                UdpInterconnectConfig.DEFAULT);
        // Read once at start: none may be declared changeable per session (SET would do nothing).
        assertThat(declared).extracting(SettingDefinition::context).containsOnly(SettingContext.POSTMASTER);
    }

    @Test
    void withersChangeOneValue() {
        UdpInterconnectConfig config = UdpInterconnectConfig.DEFAULT
                .withQueueDepth(8)
                .withSndQueueDepth(16)
                .withMaxPacketSize(1400)
                .withListenAddress("0.0.0.0")
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(config).isEqualTo(new UdpInterconnectConfig("0.0.0.0", 0, 8, 16, 1400, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofMillis(20), 2 * 1024 * 1024));
    }

    @Test
    void theExtensionIsFoundAndMakesTheInterconnectNamedUdp() {
        ServiceFactory<?> factory = ServiceLoader.load(Extension.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(e -> e.name().equals("udp"))
                .flatMap(e -> e.factories().stream())
                .filter(f -> f.type() == Interconnect.class && f.name().equals("udp"))
                .findFirst()
                .orElseThrow();
        ExtensionContext context = new ExtensionContext(ExtensionContext.Role.SEGMENT, 0, Path.of("."));
        try (Interconnect ic = (Interconnect) factory.create(context, Map.of("gp_max_packet_size", "1400"))) {
            assertThat(ic).isInstanceOfSatisfying(UdpInterconnect.class, u -> assertThat(u.config().maxPacketSize()).isEqualTo(1400));
            assertThat(ic.endpoint().host()).isEqualTo("127.0.0.1");
            assertThat(ic.endpoint().port()).isPositive();
        }
    }

    private static void assertInvalid(String key, String value) {
        assertThatThrownBy(() -> UdpInterconnectConfig.from(Map.of(key, value)))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE))
                .hasMessageContaining(key);
    }
}
