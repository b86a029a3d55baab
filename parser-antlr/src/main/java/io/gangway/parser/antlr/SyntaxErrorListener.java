package io.gangway.parser.antlr;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Turns the first syntax error ANTLR reports into PostgreSQL's: {@code syntax error at or near "x"}
 * or {@code syntax error at end of input}, SQLSTATE 42601, at the offending token's position.
 */
final class SyntaxErrorListener extends BaseErrorListener {
    static final SyntaxErrorListener INSTANCE = new SyntaxErrorListener();

    private SyntaxErrorListener() {
    }

    @Override
    public void syntaxError(
            Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
            String msg, RecognitionException e) {
        if (!(offendingSymbol instanceof Token token)) {
            throw new SqlException(SqlState.SYNTAX_ERROR, "syntax error: " + msg);
        }
        int position = Lexemes.position(token);
        if (token.getType() == Token.EOF) {
            throw SqlException.at(SqlState.SYNTAX_ERROR, position, "syntax error at end of input");
        }
        String text = token.getText();
        if (token.getType() == GangwaySqlLexer.UNRECOGNIZED && (text.equals("'") || text.equals("\""))) {
            // The lexer found no closing quote: PostgreSQL quotes the rest of the input.
            String rest = token.getInputStream().getText(Interval.of(token.getStartIndex(), token.getInputStream().size() - 1));
            String what = text.equals("'") ? "unterminated quoted string" : "unterminated quoted identifier";
            throw SqlException.at(SqlState.SYNTAX_ERROR, position, what + " at or near \"" + rest + "\"");
        }
        throw SqlException.at(SqlState.SYNTAX_ERROR, position, "syntax error at or near \"" + text + "\"");
    }
}
