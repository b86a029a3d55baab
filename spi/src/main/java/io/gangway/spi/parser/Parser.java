package io.gangway.spi.parser;

import io.gangway.spi.ast.Statement;
import java.util.List;

/**
 * Turns SQL text into parse trees.
 *
 * <p>Called by a QD session for every statement a client sends (simple query, or Parse in the
 * extended protocol), on the session's thread. An implementation is stateless after construction
 * and safe to call from many sessions at once.
 *
 * <p>Failure: text that is not valid SQL throws {@link io.gangway.api.SqlException} with
 * SQLSTATE {@code 42601} ({@link io.gangway.api.SqlState#SYNTAX_ERROR}), PostgreSQL's message
 * ({@code syntax error at or near "x"}, {@code syntax error at end of input}) and the 1-based
 * character position of the offending token. A construct that parses but Gangway does not support
 * yet throws SQLSTATE {@code 0A000}.
 */
public interface Parser {
    /** Parses text holding exactly one statement (a trailing semicolon is allowed). */
    Statement parse(String sql);

    /**
     * Parses text holding zero or more statements separated by semicolons, as a simple-query
     * message may (empty text gives an empty list). Positions count from the start of the text.
     */
    List<Statement> parseAll(String sql);
}
