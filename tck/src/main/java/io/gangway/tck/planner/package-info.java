/**
 * The planner contract: {@link io.gangway.tck.planner.PlannerContractTest}, which every planner
 * implementation's tests extend, with the plan invariants it checks and fixtures to build queries.
 */
@NullMarked
package io.gangway.tck.planner;

import org.jspecify.annotations.NullMarked;
