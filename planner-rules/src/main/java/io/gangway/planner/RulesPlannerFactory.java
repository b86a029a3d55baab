package io.gangway.planner;

import io.gangway.api.settings.SettingDefinition;
import io.gangway.spi.ExtensionContext;
import io.gangway.spi.ServiceFactory;
import io.gangway.spi.planner.Planner;
import java.util.List;
import java.util.Map;

/** Makes the {@code rules} planner. It takes no configuration: its settings come per statement ({@link #settings()}). */
public final class RulesPlannerFactory implements ServiceFactory<Planner> {
    public static final String NAME = "rules";

    @Override
    public Class<Planner> type() {
        return Planner.class;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Planner create(ExtensionContext context, Map<String, String> config) {
        return new RulesPlanner();
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(AggregateRules.MultiStageAggregationRule.Config.MULTIPHASE_AGG);
    }
}
