package io.gangway.planner;

import io.gangway.spi.planner.Planner;
import io.gangway.tck.planner.PlannerBehavior;
import io.gangway.tck.planner.PlannerContractTest;

class RulesPlannerContractTest extends PlannerContractTest {
    @Override
    protected Planner createPlanner() {
        return new RulesPlanner();
    }

    @Override
    protected boolean hasBehavior(PlannerBehavior behavior) {
        return switch (behavior) {
            case SUPPORTS_RIGHT_AND_FULL_JOIN -> false;
            case SUPPORTS_DIRECT_DISPATCH -> true;
        };
    }
}
