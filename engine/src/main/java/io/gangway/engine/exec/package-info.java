/**
 * The column-batch executor: the same code runs a slice on a QE (segment) and the top slice on the
 * QD. {@link io.gangway.engine.exec.SliceRunner} is the entry point; operators pull
 * {@link io.gangway.api.Batch}es from their inputs ({@link io.gangway.engine.exec.Operator}),
 * expressions evaluate over whole batches ({@code exec.expr}), motions move encoded batches over
 * the interconnect ({@code exec.motion}).
 *
 * <p>Memory: sort, hash aggregation and hash join keep their state in plain in-memory structures;
 * spilling to temporary files past {@code work_mem} is not implemented yet.
 */
@NullMarked
package io.gangway.engine.exec;

import org.jspecify.annotations.NullMarked;
