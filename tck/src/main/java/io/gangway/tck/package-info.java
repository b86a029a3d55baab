/**
 * Gangway's technology compatibility kit: one abstract JUnit 5 contract per pluggable stage
 * (parser, analyzer, rewriter, planner, dispatcher, gang manager and idle-QE pool, interconnect,
 * storage), each with {@link io.gangway.tck.Behavior} flags, and the helpers they share
 * (awaiting a condition with a deadline). An implementation's test extends the contract and supplies the
 * implementation through one factory method.
 */
@NullMarked
package io.gangway.tck;

import org.jspecify.annotations.NullMarked;
