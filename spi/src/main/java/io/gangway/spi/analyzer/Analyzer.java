package io.gangway.spi.analyzer;

import io.gangway.spi.ast.Statement;
import io.gangway.spi.query.Query;

/**
 * Turns a parse tree of a query or DML statement ({@code SELECT}, {@code VALUES}, {@code INSERT})
 * into a {@link Query} tree: resolves tables, views and columns against the catalog, types every
 * expression, adds implicit casts, and checks grouping. Bind parameters ({@code $n}) become
 * constants of their types from the {@link AnalyzerContext}.
 *
 * <p>Made once per coordinator process by the {@link io.gangway.spi.ServiceFactory} the setting
 * {@code analyzer} names (default {@code default}); called on a QD session's thread once per
 * statement execution (and once at Describe, with no parameter values), possibly from many sessions
 * at once, so an analyzer keeps no per-statement state in fields. Also called to analyze a view's
 * stored text when the rewriter expands it. Errors are {@link io.gangway.api.SqlException}s with PostgreSQL's SQLSTATEs
 * and, where a node is at fault, its position: unknown table {@code 42P01}, unknown column
 * {@code 42703}, ambiguous column {@code 42702}, type mismatch {@code 42804}, no such operator or
 * function {@code 42883}, ungrouped column {@code 42803}. Utility statements (DDL, SET) are not
 * analyzed here.
 */
public interface Analyzer {
    Query analyze(Statement statement, AnalyzerContext context);
}
