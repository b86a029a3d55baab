/**
 * Motions in the executor: {@link io.gangway.engine.exec.motion.BatchCodec} turns batches into the
 * chunks the interconnect carries; the receiving side is an operator
 * ({@link io.gangway.engine.exec.motion.MotionReceiveOperator}, or
 * {@link io.gangway.engine.exec.motion.MergeReceiveOperator} for a sorted gather); the sending side
 * ({@link io.gangway.engine.exec.motion.MotionSendLoop}) runs a slice's input and routes rows.
 */
@NullMarked
package io.gangway.engine.exec.motion;

import org.jspecify.annotations.NullMarked;
