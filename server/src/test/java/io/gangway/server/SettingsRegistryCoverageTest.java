package io.gangway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.api.settings.SettingContext;
import io.gangway.api.settings.SettingDefinition;
import io.gangway.engine.config.EngineSettings;
import io.gangway.engine.config.SettingsRegistry;
import io.gangway.engine.guice.ExtensionRegistry;
import io.gangway.server.config.ServerSettings;
import io.gangway.spi.Extension;
import io.gangway.spi.ServiceFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The assembled server's settings registry against every module's declarations: it knows each
 * setting any installed factory declares, the engine's and the server's, nothing more and nothing twice.
 */
class SettingsRegistryCoverageTest {
    @Test
    void theRegistryIsExactlyWhatTheModulesDeclare() {
        ExtensionRegistry extensions = ExtensionRegistry.fromClassPath();
        SettingsRegistry registry = SettingsRegistry.build(extensions, ServerSettings.ALL);
        List<SettingDefinition> declared = new ArrayList<>(EngineSettings.declarations(extensions));
        declared.addAll(ServerSettings.ALL);
        List<String> factories = new ArrayList<>();
        for (Extension extension : ServiceLoader.load(Extension.class)) {
            for (ServiceFactory<?> factory : extension.factories()) {
                factories.add(factory.type().getSimpleName() + " " + factory.name());
                for (SettingDefinition setting : factory.settings()) {
                    assertThat(registry.definition(setting.name())).as(factory.name() + ": " + setting.name())
                            .contains(setting);
                    declared.add(setting);
                }
            }
        }
        // Every module of the reference server is on the class path, so the check is not vacuous.
        assertThat(factories).contains("Interconnect tcp", "Interconnect udp", "Dispatcher default",
                "DispatchServer default", "Planner rules", "Parser antlr", "StorageEngine heap");
        assertThat(registry.definitions()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(declared.stream().distinct().toList());
    }

    @Test
    void theSettingsModulesReadAreKnownAndStartOnlyOnesAreNotPerSession() {
        SettingsRegistry registry = SettingsRegistry.build(ExtensionRegistry.fromClassPath(), ServerSettings.ALL);
        for (String name : List.of("gp_max_packet_size", "gp_interconnect_transmit_timeout", "gp_interconnect_min_rto",
                "gp_udp_bufsize_k", "gp_interconnect_setup_timeout", "interconnect_max_frame_length",
                "gp_gang_creation_retry_count", "gp_gang_creation_retry_timer", "dispatch_connect_timeout",
                "gp_enable_multiphase_agg", "interconnect_io_threads", "interconnect_unclaimed_stream_timeout")) {
            assertThat(registry.definition(name)).as(name).isPresent();
        }
        assertThat(registry.require("gp_interconnect_queue_depth").context()).isEqualTo(SettingContext.POSTMASTER);
        assertThat(registry.require("gp_interconnect_snd_queue_depth").context()).isEqualTo(SettingContext.POSTMASTER);
        assertThat(registry.require("gp_interconnect_type").context()).isEqualTo(SettingContext.POSTMASTER);
        assertThat(registry.require("gp_cached_gang_threshold").context()).isEqualTo(SettingContext.USER);
    }
}
