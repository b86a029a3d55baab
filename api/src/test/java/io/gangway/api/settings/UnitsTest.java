package io.gangway.api.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnitsTest {
    private static final Optional<SettingUnit> KB = Optional.of(SettingUnit.KILOBYTES);
    private static final Optional<SettingUnit> MS = Optional.of(SettingUnit.MILLISECONDS);
    private static final Optional<SettingUnit> S = Optional.of(SettingUnit.SECONDS);

    @Test
    void aBareNumberIsInTheBaseUnit() {
        assertThat(Units.toWholeBaseUnits("4096", KB)).isEqualTo(4096);
        assertThat(Units.toWholeBaseUnits("  250 ", MS)).isEqualTo(250);
        assertThat(Units.toWholeBaseUnits("-1", Optional.empty())).isEqualTo(-1);
    }

    @Test
    void sizesConvertToTheBaseUnit() {
        assertThat(Units.toWholeBaseUnits("4MB", KB)).isEqualTo(4096);
        assertThat(Units.toWholeBaseUnits("4 MB", KB)).isEqualTo(4096);
        assertThat(Units.toWholeBaseUnits("1GB", KB)).isEqualTo(1024 * 1024);
        assertThat(Units.toWholeBaseUnits("1TB", KB)).isEqualTo(1024L * 1024 * 1024);
        assertThat(Units.toWholeBaseUnits("2048B", KB)).isEqualTo(2);
        assertThat(Units.toWholeBaseUnits("1.5MB", KB)).isEqualTo(1536);
        assertThat(Units.toWholeBaseUnits("8kB", Optional.of(SettingUnit.BYTES))).isEqualTo(8192);
    }

    @Test
    void durationsConvertToTheBaseUnit() {
        assertThat(Units.toWholeBaseUnits("2s", MS)).isEqualTo(2000);
        assertThat(Units.toWholeBaseUnits("1min", MS)).isEqualTo(60_000);
        assertThat(Units.toWholeBaseUnits("1h", S)).isEqualTo(3600);
        assertThat(Units.toWholeBaseUnits("1d", S)).isEqualTo(86_400);
        assertThat(Units.toWholeBaseUnits("1500us", MS)).isEqualTo(2);
        assertThat(Units.toWholeBaseUnits("2500us", MS)).isEqualTo(2);
        assertThat(Units.toWholeBaseUnits("1500ms", S)).isEqualTo(2);
    }

    @Test
    void integersAreReadAsCsStrtolReadsThem() {
        assertThat(Units.toWholeBaseUnits("0x10", Optional.empty())).isEqualTo(16);
        assertThat(Units.toWholeBaseUnits("010", Optional.empty())).isEqualTo(8);
        assertThat(Units.toWholeBaseUnits("+7", Optional.empty())).isEqualTo(7);
        assertThat(Units.toWholeBaseUnits("2.5", Optional.empty())).isEqualTo(2);
        assertThat(Units.toWholeBaseUnits("1e3", Optional.empty())).isEqualTo(1000);
    }

    @Test
    void unitsAreCaseSensitiveAndOfTheSettingsKind() {
        assertThatThrownBy(() -> Units.toWholeBaseUnits("4mb", KB)).isInstanceOfSatisfying(Units.InvalidValueException.class,
                e -> assertThat(e.hint()).contains("Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\"."));
        assertThatThrownBy(() -> Units.toWholeBaseUnits("4s", KB)).isInstanceOf(Units.InvalidValueException.class);
        assertThatThrownBy(() -> Units.toWholeBaseUnits("4MB", MS)).isInstanceOfSatisfying(Units.InvalidValueException.class,
                e -> assertThat(e.hint()).contains(
                        "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\"."));
        assertThatThrownBy(() -> Units.toWholeBaseUnits("4MB", Optional.empty()))
                .isInstanceOfSatisfying(Units.InvalidValueException.class, e -> assertThat(e.hint()).isEmpty());
    }

    @Test
    void notNumbersAreRefused() {
        for (String bad : new String[] {"", "abc", "MB", "1 2", "4 MB x", "09"}) {
            assertThatThrownBy(() -> Units.toWholeBaseUnits(bad, KB)).as(bad).isInstanceOf(Units.InvalidValueException.class);
        }
        assertThatThrownBy(() -> Units.toWholeBaseUnits("1e300", KB)).isInstanceOfSatisfying(Units.InvalidValueException.class,
                e -> assertThat(e.hint()).contains("Value exceeds integer range."));
    }

    @Test
    void shownInTheLargestUnitThatHoldsTheValueExactly() {
        assertThat(Units.format(32768, KB)).isEqualTo("32MB");
        assertThat(Units.format(1536, KB)).isEqualTo("1536kB");
        assertThat(Units.format(1024L * 1024, KB)).isEqualTo("1GB");
        assertThat(Units.format(18000, MS)).isEqualTo("18s");
        assertThat(Units.format(60_000, MS)).isEqualTo("1min");
        assertThat(Units.format(250, MS)).isEqualTo("250ms");
        assertThat(Units.format(7200, S)).isEqualTo("2h");
        assertThat(Units.format(0, MS)).isEqualTo("0");
        assertThat(Units.format(-1, MS)).isEqualTo("-1");
        assertThat(Units.format(5, Optional.empty())).isEqualTo("5");
    }

    @Test
    void realsAreShownWithoutNeedlessDigits() {
        assertThat(Units.format(2.0)).isEqualTo("2");
        assertThat(Units.format(0.1)).isEqualTo("0.1");
        assertThat(Units.format(-1.5)).isEqualTo("-1.5");
    }
}
