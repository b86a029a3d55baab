package io.gangway.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.api.Settings;
import io.gangway.api.settings.SettingContext;
import io.gangway.api.settings.SettingDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesPlannerFactoryTest {
    @Test
    void theFactoryDeclaresTheSettingsTheRulesRead() {
        List<SettingDefinition> declared = new RulesPlannerFactory().settings();
        assertThat(declared).containsExactly(AggregateRules.MultiStageAggregationRule.Config.MULTIPHASE_AGG);
        // Read per statement from the session's settings, so a session may SET it.
        assertThat(declared).extracting(SettingDefinition::context).containsOnly(SettingContext.USER);
        // The declared default is the rule's default, and the setting maps.
        assertThat(AggregateRules.MultiStageAggregationRule.Config.fromSettings(Settings.EMPTY))
                .isEqualTo(AggregateRules.MultiStageAggregationRule.Config.DEFAULT);
        assertThat(AggregateRules.MultiStageAggregationRule.Config.fromSettings(
                Settings.EMPTY.with("gp_enable_multiphase_agg", "off")).multiphase()).isFalse();
    }
}
