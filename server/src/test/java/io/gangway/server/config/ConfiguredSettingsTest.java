package io.gangway.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.engine.config.SettingSource;
import io.gangway.engine.config.SettingsRegistry;
import io.gangway.engine.guice.ExtensionRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfiguredSettingsTest {
    private static final SettingsRegistry REGISTRY = SettingsRegistry.build(ExtensionRegistry.fromClassPath(),
            ServerSettings.ALL);

    @TempDir
    Path directory;

    @Test
    void theFileAndCommandLineAreReadWithWhereEachValueCameFrom() throws IOException {
        write("# coordinator", "port = 15432", "segment.0 = 'h:1:/d'", "", "work_mem = '64MB'");
        ConfiguredSettings settings = ConfiguredSettings.load(directory, Map.of("work_mem", "1GB"), REGISTRY);
        assertThat(settings.values()).containsEntry("port", "15432").containsEntry("segment.0", "h:1:/d")
                .containsEntry("work_mem", "1GB");
        String file = directory.resolve(GangwayConf.FILE_NAME).toAbsolutePath().toString();
        assertThat(settings.sources()).containsEntry("port", SettingSource.configurationFile(file, 2))
                .containsEntry("work_mem", SettingSource.COMMAND_LINE);
    }

    @Test
    void anUnknownNameStopsTheStartNamingTheFileAndLine() throws IOException {
        write("port = 15432", "", "gp_interconect_type = udp");
        String file = directory.resolve(GangwayConf.FILE_NAME).toAbsolutePath().toString();
        assertThatThrownBy(() -> ConfiguredSettings.load(directory, Map.of(), REGISTRY))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.CONFIG_FILE_ERROR);
                    assertThat(e.getMessage()).isEqualTo("unrecognized configuration parameter \"gp_interconect_type\""
                            + " in file \"" + file + "\" line 3");
                });
    }

    @Test
    void aBadValueStopsTheStartNamingTheBoundsTheFileAndLine() throws IOException {
        write("gp_max_packet_size = 100");
        assertThatThrownBy(() -> ConfiguredSettings.load(directory, Map.of(), REGISTRY))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "100 B is outside the valid range for parameter \"gp_max_packet_size\" (512 B .. 65507 B) in file \""
                                + directory.resolve(GangwayConf.FILE_NAME).toAbsolutePath() + "\" line 1"));
        write("gp_interconnect_type = sctp");
        assertThatThrownBy(() -> ConfiguredSettings.load(directory, Map.of(), REGISTRY))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.hint()).contains("Available values: tcp, udp."));
    }

    @Test
    void theCommandLineIsCheckedToo() throws IOException {
        write("port = 15432");
        assertThatThrownBy(() -> ConfiguredSettings.load(directory, Map.of("no_such_setting", "1"), REGISTRY))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("unrecognized configuration parameter \"no_such_setting\" on the command line"));
        assertThatThrownBy(() -> ConfiguredSettings.load(directory, Map.of("server_version", "13"), REGISTRY))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("parameter \"server_version\" cannot be changed on the command line"));
    }

    private void write(String... lines) throws IOException {
        Files.write(directory.resolve(GangwayConf.FILE_NAME), java.util.List.of(lines));
    }
}
