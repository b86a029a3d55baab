package io.gangway.planner;

import io.gangway.spi.Extension;
import io.gangway.spi.ServiceFactory;
import java.util.List;

/** The {@code rules} extension: contributes the default planner. */
public final class RulesPlannerExtension implements Extension {
    @Override
    public String name() {
        return RulesPlannerFactory.NAME;
    }

    @Override
    public List<ServiceFactory<?>> factories() {
        return List.of(new RulesPlannerFactory());
    }
}
