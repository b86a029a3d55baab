package io.gangway.tck.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.api.settings.SettingDefinition;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks that a factory declares ({@link io.gangway.spi.ServiceFactory#settings()}) exactly what its
 * configuration reads, so that {@code gangway.conf}, {@code SET}, {@code SHOW} and {@code pg_settings}
 * know every setting the extension uses: every public static {@link SettingDefinition} constant of the
 * config class is declared, no name twice, and a config read from the declared defaults alone equals the
 * config's own default.
 */
public final class SettingDeclarations {
    private SettingDeclarations() {
    }

    /**
     * @param declared what the factory declares
     * @param configClass the class whose public static {@code SettingDefinition} constants are the settings it reads
     * @param fromSettings reads the config from settings by name
     * @param defaultConfig the config's default, which reading the declared defaults must give
     */
    public static <C> void assertDeclaresEverySettingOf(List<SettingDefinition> declared, Class<?> configClass,
            Function<Map<String, String>, C> fromSettings, C defaultConfig) {
        assertThat(declared).extracting(SettingDefinition::key).as("names declared").doesNotHaveDuplicates();
        for (Field field : configClass.getFields()) {
            if (field.getType() == SettingDefinition.class && Modifier.isStatic(field.getModifiers())) {
                assertThat(declared).as(configClass.getSimpleName() + "." + field.getName() + " is declared")
                        .contains((SettingDefinition) constant(field));
            }
        }
        Map<String, String> defaults = new HashMap<>();
        declared.forEach(d -> defaults.put(d.name(), d.defaultValue()));
        assertThat(fromSettings.apply(defaults)).as("the config read from the declared defaults").isEqualTo(defaultConfig);
    }

    private static Object constant(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError("cannot read " + field, e);
        }
    }
}
