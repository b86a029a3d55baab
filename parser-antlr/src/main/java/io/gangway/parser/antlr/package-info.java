/**
 * The default {@link io.gangway.spi.parser.Parser}: the ANTLR 4 grammar {@code GangwaySql.g4} of
 * Gangway's PostgreSQL dialect and the builders turning its parse tree into {@link io.gangway.spi.ast}
 * records ({@link io.gangway.parser.antlr.StatementBuilder} for statements,
 * {@link io.gangway.parser.antlr.QueryBuilder} for queries, {@link io.gangway.parser.antlr.ExpressionBuilder}
 * for expressions).
 */
@NullMarked
package io.gangway.parser.antlr;

import org.jspecify.annotations.NullMarked;
