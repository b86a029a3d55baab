package io.gangway.planner;

import io.gangway.spi.planner.Planner;
import io.gangway.tck.planner.PlannerContractTest;

class RulesPlannerContractTest extends PlannerContractTest {
    @Override
    protected Planner createPlanner() {
        return new RulesPlanner();
    }

    @Override
    protected boolean supports(Feature feature) {
        return switch (feature) {
            case RIGHT_AND_FULL_JOIN -> false;
            case DIRECT_DISPATCH -> true;
        };
    }
}
