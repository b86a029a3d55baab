/**
 * The default planner ({@code rules}): query tree → physical plan with locus and motions → slices,
 * and EXPLAIN text in Greenplum's shape. Motion placement lives in {@link io.gangway.planner.MotionRules}
 * and {@link io.gangway.planner.AggregateRules}.
 */
@NullMarked
package io.gangway.planner;

import org.jspecify.annotations.NullMarked;
