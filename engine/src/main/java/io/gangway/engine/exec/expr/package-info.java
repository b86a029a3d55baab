/**
 * Expressions over whole batches: {@link io.gangway.engine.exec.expr.ExpressionCompiler} turns a
 * plan's {@link io.gangway.spi.query.Expr} into a {@link io.gangway.engine.exec.expr.CompiledExpr}
 * that produces one {@link io.gangway.api.ColumnVector} per input batch, with PostgreSQL's
 * semantics (three-valued logic, overflow and division errors, numeric scales, casts).
 */
@NullMarked
package io.gangway.engine.exec.expr;

import org.jspecify.annotations.NullMarked;
