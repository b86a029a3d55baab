package io.gangway.tck.planner;

import io.gangway.tck.Behavior;

/** Optional planner behaviour ({@link PlannerContractTest#hasBehavior}); all on by default. */
public enum PlannerBehavior implements Behavior {
    /** RIGHT and FULL outer joins; without it they are refused with {@code 0A000}. */
    SUPPORTS_RIGHT_AND_FULL_JOIN,
    /** A slice whose rows all live on one segment (equality on the full distribution key) runs there alone. */
    SUPPORTS_DIRECT_DISPATCH
}
