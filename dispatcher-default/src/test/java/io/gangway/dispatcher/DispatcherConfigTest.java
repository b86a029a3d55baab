package io.gangway.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.settings.SettingContext;
import io.gangway.api.settings.SettingDefinition;
import io.gangway.api.settings.StandardSettings;
import io.gangway.tck.settings.SettingDeclarations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatcherConfigTest {
    @Test
    void defaultsAreGreenplums() {
        DispatcherConfig config = DispatcherConfig.fromMap(Map.of());
        assertThat(config).isEqualTo(DispatcherConfig.DEFAULT);
        assertThat(config.cachedGangThreshold()).isEqualTo(5);
        assertThat(config.idleResourceTimeout()).isEqualTo(Duration.ofSeconds(18));
        assertThat(config.gangCreationRetryCount()).isEqualTo(5);
        assertThat(config.gangCreationRetryTimer()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.gangCacheMemoryLimitBytes()).isEqualTo(500L * 1024 * 1024);
        assertThat(config.pooling()).isTrue();
        assertThat(config.statementTimeout()).isEqualTo(Duration.ZERO);
        assertThat(config.cachedThreshold(0)).isEqualTo(5);
        assertThat(config.cachedThreshold(-1)).isEqualTo(1);
    }

    @Test
    void everyKeyMaps() {
        DispatcherConfig config = DispatcherConfig.fromMap(Map.of(
                "gp_cached_gang_threshold", "7",
                "gp_vmem_idle_resource_timeout", "500",
                "gp_gang_creation_retry_count", "2",
                "gp_gang_creation_retry_timer", "3s",
                "dispatch_connect_timeout", "1min",
                "gp_vmem_protect_gang_cache_limit", "64",
                "gp_dispatch_pooling", "off",
                "statement_timeout", "250",
                "unrelated", "x"));
        assertThat(config).isEqualTo(new DispatcherConfig(7, Duration.ofMillis(500), 64L << 20, 2, Duration.ofSeconds(3),
                Duration.ofMinutes(1), false, Duration.ofMillis(250)));
    }

    @Test
    void gangCacheLimitTakesUnits() {
        assertThat(DispatcherConfig.fromMap(Map.of("gp_vmem_protect_gang_cache_limit", "2GB")).gangCacheMemoryLimitBytes())
                .isEqualTo(2L << 30);
        assertThat(DispatcherConfig.fromMap(Map.of("gp_vmem_protect_gang_cache_limit", "0")).gangCacheMemoryLimitBytes())
                .isZero();
    }

    @Test
    void theFactoryDeclaresEverySettingTheConfigReads() {
        List<SettingDefinition> declared = new DefaultDispatcherExtension.DispatcherFactory().settings();
        assertThat(declared).containsExactlyInAnyOrderElementsOf(DispatcherConfig.SETTINGS)
                .contains(StandardSettings.STATEMENT_TIMEOUT);
        SettingDeclarations.assertDeclaresEverySettingOf(declared, DispatcherConfig.class, DispatcherConfig::fromMap,
                DispatcherConfig.DEFAULT);
        // The pool reads them again whenever the session's settings change, so a session may SET them.
        assertThat(declared).extracting(SettingDefinition::context).containsOnly(SettingContext.USER);
        assertThat(new DefaultDispatcherExtension.DispatchServerFactory().settings()).isEmpty();
    }

    @Test
    void sessionSettingsOverrideTheProcesss() {
        DispatcherConfig process = DispatcherConfig.fromMap(Map.of("gp_cached_gang_threshold", "7"));
        DispatcherConfig session = process.withSettings(new Settings(Map.of("GP_GANG_CREATION_RETRY_COUNT", "0")));
        assertThat(session.cachedGangThreshold()).isEqualTo(7);
        assertThat(session.gangCreationRetryCount()).isZero();
    }

    @Test
    void badValuesAre22023() {
        assertThatThrownBy(() -> DispatcherConfig.fromMap(Map.of("gp_cached_gang_threshold", "many")))
                .isInstanceOfSatisfying(SqlException.class,
                        e -> assertThat(e.state()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE));
        assertThatThrownBy(() -> DispatcherConfig.fromMap(Map.of("gp_gang_creation_retry_count", "-1")))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
                    assertThat(e.getMessage()).isEqualTo(
                            "-1 is outside the valid range for parameter \"gp_gang_creation_retry_count\" (0 .. 128)");
                });
        assertThatThrownBy(() -> DispatcherConfig.fromMap(Map.of("gp_dispatch_pooling", "sometimes")))
                .isInstanceOfSatisfying(SqlException.class,
                        e -> assertThat(e.state()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE));
    }
}
