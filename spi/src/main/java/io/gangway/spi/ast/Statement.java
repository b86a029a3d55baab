package io.gangway.spi.ast;

/**
 * A parsed SQL statement: the root of the parse tree a {@link io.gangway.spi.parser.Parser}
 * produces. The tree says what was written and where, nothing more: names are not yet resolved
 * and expressions are not yet typed (that is the analyzer's job).
 */
public sealed interface Statement
        permits CreateTable, DropTable, CreateView, DropView, Insert, QueryStatement, Explain,
                SetVariable, ShowVariable, ResetVariable, TransactionStatement, DeclareCursor, FetchCursor, CloseCursor {
}
