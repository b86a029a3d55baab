/**
 * The executor's operators, one per plan node kind, built by
 * {@link io.gangway.engine.exec.OperatorBuilder}. Memory-hungry operators (sort, hash aggregation,
 * hash join, nested-loop join's inner side) hold their state in memory ({@link
 * io.gangway.engine.exec.operator.RowStore}); spilling past {@code work_mem} is not implemented yet.
 */
@NullMarked
package io.gangway.engine.exec.operator;

import org.jspecify.annotations.NullMarked;
