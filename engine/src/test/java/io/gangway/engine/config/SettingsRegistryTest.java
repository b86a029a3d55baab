package io.gangway.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.settings.SettingContext;
import io.gangway.api.settings.SettingDefinition;
import io.gangway.api.settings.SettingType;
import io.gangway.engine.guice.ExtensionRegistry;
import io.gangway.spi.Extension;
import io.gangway.spi.ExtensionContext;
import io.gangway.spi.ServiceFactory;
import io.gangway.spi.parser.Parser;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsRegistryTest {
    private static final SettingDefinition DEPTH = SettingDefinition.integer("x_depth", 4, 1, 10,
            SettingContext.POSTMASTER, "c", "d");

    @Test
    void theRegistryHoldsTheEnginesAndEachInstalledFactorysDeclarations() {
        ExtensionRegistry extensions = ExtensionRegistry.fromClassPath();
        SettingsRegistry registry = SettingsRegistry.build(extensions, List.of(DEPTH));
        // Everything the engine reads through a declaration is declared.
        for (Field field : EngineSettings.class.getFields()) {
            if (field.getType() == SettingDefinition.class) {
                SettingDefinition read = (SettingDefinition) get(field);
                assertThat(registry.definition(read.name())).as(field.getName()).isPresent();
            }
        }
        // The planner on this class path declares its own; the host's come too.
        assertThat(registry.definition("gp_enable_multiphase_agg")).isPresent();
        assertThat(registry.owner("gp_enable_multiphase_agg")).contains("Planner \"rules\"");
        assertThat(registry.definition("X_DEPTH")).contains(DEPTH);
        // An SPI choice is an enum of what is installed.
        assertThat(registry.require("parser").type()).isEqualTo(new SettingType.Choice(List.of("antlr")));
        assertThat(registry.require("parser").context()).isEqualTo(SettingContext.POSTMASTER);
        assertThat(registry.definitions()).extracting(SettingDefinition::key).doesNotHaveDuplicates();
    }

    @Test
    void aNameDeclaredAlikeTwiceIsOneSettingAndDifferentlyIsAStartUpError() {
        Map<String, List<SettingDefinition>> twice = new LinkedHashMap<>();
        twice.put("a", List.of(DEPTH));
        twice.put("b", List.of(DEPTH));
        assertThat(new SettingsRegistry(twice).definitions()).containsExactly(DEPTH);
        SettingDefinition other = SettingDefinition.integer("X_DEPTH", 4, 1, 4096, SettingContext.POSTMASTER, "c", "d");
        assertThatThrownBy(() -> SettingsRegistry.build(new ExtensionRegistry(List.of(extension(other))), List.of(DEPTH)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("setting \"x_depth\" is declared differently by Parser \"fake\"")
                .hasMessageContaining("by the server");
    }

    @Test
    void whatASessionMayChange() {
        SettingsRegistry registry = SettingsRegistry.build(new ExtensionRegistry(List.of()), List.of(DEPTH));
        assertThat(registry.checkSessionMayChange("WORK_MEM")).contains(EngineSettings.WORK_MEM);
        assertThat(registry.checkSessionMayChange("myapp.anything")).isEmpty();
        assertRefused(() -> registry.checkSessionMayChange("x_depth"), SqlState.CANT_CHANGE_RUNTIME_PARAM,
                "parameter \"x_depth\" cannot be changed without restarting the server");
        assertRefused(() -> registry.checkSessionMayChange("server_version"), SqlState.CANT_CHANGE_RUNTIME_PARAM,
                "parameter \"server_version\" cannot be changed");
        assertRefused(() -> registry.checkSessionMayChange("no_such_setting"), SqlState.UNDEFINED_OBJECT,
                "unrecognized configuration parameter \"no_such_setting\"");
    }

    @Test
    void whatAProcessMayBeConfiguredWith() {
        SettingsRegistry registry = SettingsRegistry.build(new ExtensionRegistry(List.of()), List.of(DEPTH));
        registry.checkConfigured("x_depth", "7");
        registry.checkConfigured("segment.0", "h:1:/d");
        assertRefused(() -> registry.checkConfigured("x_dpeth", "7"), SqlState.UNDEFINED_OBJECT,
                "unrecognized configuration parameter \"x_dpeth\"");
        assertRefused(() -> registry.checkConfigured("x_depth", "11"), SqlState.INVALID_PARAMETER_VALUE,
                "11 is outside the valid range for parameter \"x_depth\" (1 .. 10)");
        assertRefused(() -> registry.checkConfigured("server_version", "13"), SqlState.CANT_CHANGE_RUNTIME_PARAM,
                "parameter \"server_version\" cannot be changed");
    }

    private static void assertRefused(Runnable action, SqlState state, String message) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(SqlException.class, e -> {
            assertThat(e.state()).isEqualTo(state);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    private static Object get(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /** An extension whose one factory declares {@code setting}. */
    private static Extension extension(SettingDefinition setting) {
        ServiceFactory<Parser> factory = new ServiceFactory<>() {
            @Override
            public Class<Parser> type() {
                return Parser.class;
            }

            @Override
            public String name() {
                return "fake";
            }

            @Override
            public Parser create(ExtensionContext context, Map<String, String> config) {
                throw new UnsupportedOperationException("not made in this test");
            }

            @Override
            public List<SettingDefinition> settings() {
                return List.of(setting);
            }
        };
        return new Extension() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public List<ServiceFactory<?>> factories() {
                return List.of(factory);
            }
        };
    }
}
