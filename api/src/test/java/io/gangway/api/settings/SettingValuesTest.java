package io.gangway.api.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingValuesTest {
    private static final SettingDefinition WORK_MEM = SettingDefinition.integer("work_mem", 4096, SettingUnit.KILOBYTES,
            64, Integer.MAX_VALUE, SettingContext.USER, "Resource Usage / Memory", "memory");
    private static final SettingDefinition DEPTH = SettingDefinition.integer("depth", 4, 1, 4096,
            SettingContext.POSTMASTER, "c", "d");
    private static final SettingDefinition FLAG = SettingDefinition.bool("flag", true, SettingContext.USER, "c", "d");
    private static final SettingDefinition MODE = SettingDefinition.enumerated("mode", "tcp", List.of("tcp", "udp"),
            SettingContext.POSTMASTER, "c", "d");
    private static final SettingDefinition RATIO = SettingDefinition.real("ratio", 0.5, 0, 1, SettingContext.USER, "c", "d");
    private static final SettingDefinition TIMEOUT = SettingDefinition.integer("timeout", 60, SettingUnit.SECONDS, 1,
            Integer.MAX_VALUE, SettingContext.USER, "c", "d");

    @Test
    void booleansAsPostgresqlSpellsThem() {
        for (String yes : new String[] {"on", "ON", "true", "t", "tr", "yes", "y", "1", " On "}) {
            assertThat(SettingValues.parseBool(yes)).as(yes).contains(true);
        }
        for (String no : new String[] {"off", "of", "false", "f", "no", "n", "0", "FALSE"}) {
            assertThat(SettingValues.parseBool(no)).as(no).contains(false);
        }
        for (String neither : new String[] {"o", "", "2", "maybe", "onn", "yess"}) {
            assertThat(SettingValues.parseBool(neither)).as(neither).isEmpty();
        }
        assertThatThrownBy(() -> FLAG.parse("maybe")).isInstanceOfSatisfying(SqlException.class, e -> {
            assertThat(e.state()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
            assertThat(e.getMessage()).isEqualTo("parameter \"flag\" requires a Boolean value");
        });
    }

    @Test
    void integersOutsideTheirBoundsNameTheSettingAndTheRange() {
        assertThatThrownBy(() -> WORK_MEM.parse("-5")).isInstanceOfSatisfying(SqlException.class, e -> {
            assertThat(e.state()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
            assertThat(e.getMessage()).isEqualTo(
                    "-5 kB is outside the valid range for parameter \"work_mem\" (64 kB .. 2147483647 kB)");
        });
        assertThatThrownBy(() -> DEPTH.parse("4097")).isInstanceOfSatisfying(SqlException.class, e ->
                assertThat(e.getMessage()).isEqualTo("4097 is outside the valid range for parameter \"depth\" (1 .. 4096)"));
        assertThatThrownBy(() -> RATIO.parse("1.5")).isInstanceOfSatisfying(SqlException.class, e ->
                assertThat(e.getMessage()).isEqualTo("1.5 is outside the valid range for parameter \"ratio\" (0 .. 1)"));
    }

    @Test
    void notANumberIsAnInvalidValueWithTheUnitsAsHint() {
        assertThatThrownBy(() -> WORK_MEM.parse("lots")).isInstanceOfSatisfying(SqlException.class, e -> {
            assertThat(e.state()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
            assertThat(e.getMessage()).isEqualTo("invalid value for parameter \"work_mem\": \"lots\"");
            assertThat(e.detail()).contains("The valid range is 64 kB .. 2147483647 kB.");
        });
        assertThatThrownBy(() -> DEPTH.parse("deep")).isInstanceOfSatisfying(SqlException.class,
                e -> assertThat(e.detail()).contains("The valid range is 1 .. 4096."));
        assertThatThrownBy(() -> WORK_MEM.parse("4 parsecs")).isInstanceOfSatisfying(SqlException.class, e ->
                assertThat(e.hint()).contains("Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\"."));
    }

    @Test
    void enumsMatchWithoutCaseAndListTheirValues() {
        assertThat(MODE.parse("UDP")).isEqualTo("udp");
        assertThatThrownBy(() -> MODE.parse("sctp")).isInstanceOfSatisfying(SqlException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("invalid value for parameter \"mode\": \"sctp\"");
            assertThat(e.hint()).contains("Available values: tcp, udp.");
        });
    }

    @Test
    void showWritesTheBestUnitAndPgSettingsTheBaseUnit() {
        assertThat(SettingValues.show(WORK_MEM, WORK_MEM.parse("32MB"))).isEqualTo("32MB");
        assertThat(SettingValues.showInBaseUnit(WORK_MEM, WORK_MEM.parse("32MB"))).isEqualTo("32768");
        assertThat(SettingValues.show(FLAG, FLAG.parse("yes"))).isEqualTo("on");
        assertThat(SettingValues.show(RATIO, RATIO.parse(".25"))).isEqualTo("0.25");
    }

    @Test
    void aDefaultMustBeAValidValue() {
        assertThatThrownBy(() -> SettingDefinition.integer("x", 0, 1, 10, SettingContext.USER, "c", "d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
        assertThatThrownBy(() -> SettingDefinition.enumerated("x", "c", List.of("a", "b"), SettingContext.USER, "c", "d"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsAreReadThroughTheirDeclarations() {
        Settings settings = new Settings(Map.of("WORK_MEM", "1GB", "timeout", "2min", "flag", "off", "mode", "UDP"));
        assertThat(settings.getBytes(WORK_MEM)).isEqualTo(1L << 30);
        assertThat(settings.getLong(WORK_MEM)).isEqualTo(1L << 20);
        assertThat(settings.getDuration(TIMEOUT)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.getBoolean(FLAG)).isFalse();
        assertThat(settings.getString(MODE)).isEqualTo("udp");
        assertThat(settings.getInt(DEPTH)).isEqualTo(4);
        assertThat(settings.getReal(RATIO)).isEqualTo(0.5);
        assertThat(settings.isSet(WORK_MEM)).isTrue();
        assertThat(settings.isSet(DEPTH)).isFalse();
        assertThatThrownBy(() -> settings.getDuration(WORK_MEM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(Map.of("depth", "0")).getInt(DEPTH)).isInstanceOfSatisfying(SqlException.class,
                e -> assertThat(e.state()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE));
    }
}
