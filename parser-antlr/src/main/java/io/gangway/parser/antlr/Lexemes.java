package io.gangway.parser.antlr;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.parser.antlr.GangwaySqlParser.ColumnAliasesContext;
import io.gangway.parser.antlr.GangwaySqlParser.EscapeStringContext;
import io.gangway.parser.antlr.GangwaySqlParser.IdentifierContext;
import io.gangway.parser.antlr.GangwaySqlParser.QualifiedNameContext;
import io.gangway.parser.antlr.GangwaySqlParser.QuotedIdentifierContext;
import io.gangway.parser.antlr.GangwaySqlParser.StringContext;
import io.gangway.spi.ast.QualifiedName;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/** Turns tokens into values: case-folded identifiers, unescaped strings, 1-based positions. */
final class Lexemes {
    private Lexemes() {
    }

    /** The 1-based character position of a token, as PostgreSQL reports it. */
    static int position(Token token) {
        return token.getStartIndex() + 1;
    }

    static int position(ParserRuleContext ctx) {
        return position(ctx.getStart());
    }

    /** An identifier as PostgreSQL folds it: unquoted lower-cased, quoted kept verbatim. */
    static String identifier(IdentifierContext ctx) {
        if (ctx instanceof QuotedIdentifierContext quoted) {
            String text = quoted.getText();
            String value = text.substring(1, text.length() - 1).replace("\"\"", "\"");
            if (value.isEmpty()) {
                throw SqlException.at(SqlState.SYNTAX_ERROR, position(ctx), "zero-length delimited identifier at or near \"\"\"\"");
            }
            return value;
        }
        return ctx.getText().toLowerCase(Locale.ROOT);
    }

    static List<String> identifiers(List<IdentifierContext> ctxs) {
        return ctxs.stream().map(Lexemes::identifier).toList();
    }

    static List<String> identifiers(ColumnAliasesContext ctx) {
        return ctx == null ? List.of() : identifiers(ctx.identifier());
    }

    static QualifiedName qualifiedName(QualifiedNameContext ctx) {
        return new QualifiedName(identifiers(ctx.identifier()), position(ctx));
    }

    /** The value of a string literal: quotes removed, {@code ''} and (for {@code E'…'}) backslash escapes resolved. */
    static String string(StringContext ctx) {
        String text = ctx.getText();
        if (ctx instanceof EscapeStringContext) {
            return unescape(text.substring(2, text.length() - 1), ctx);
        }
        return text.substring(1, text.length() - 1).replace("''", "'");
    }

    /** The exact text a context was parsed from, comments and spacing inside it included. */
    static String sourceText(ParserRuleContext ctx) {
        return ctx.getStart().getInputStream()
                .getText(Interval.of(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex()));
    }

    static SqlException notSupported(ParserRuleContext ctx, String what) {
        return SqlException.at(SqlState.FEATURE_NOT_SUPPORTED, position(ctx), what + " is not supported");
    }

    static int integer(Token token) {
        try {
            return Integer.parseInt(token.getText());
        } catch (NumberFormatException e) {
            throw SqlException.at(SqlState.SYNTAX_ERROR, position(token),
                    "syntax error at or near \"" + token.getText() + "\"");
        }
    }

    // PostgreSQL's escape-string syntax: \b \f \n \r \t, \digits (octal), \xHH, \\uXXXX, \UXXXXXXXX, '' and \c → c.
    private static String unescape(String body, ParserRuleContext ctx) {
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i++);
            if (c == '\'') {
                i++; // the second quote of ''
                out.append('\'');
                continue;
            }
            if (c != '\\' || i >= body.length()) {
                out.append(c);
                continue;
            }
            char e = body.charAt(i++);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'x' -> i = appendNumber(body, i, 16, 2, out, ctx);
                case 'u' -> i = appendNumber(body, i, 16, 4, out, ctx);
                case 'U' -> i = appendNumber(body, i, 16, 8, out, ctx);
                default -> {
                    if (e >= '0' && e <= '7') {
                        i = appendNumber(body, i - 1, 8, 3, out, ctx);
                    } else {
                        out.append(e);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int appendNumber(String body, int start, int radix, int maxDigits, StringBuilder out, ParserRuleContext ctx) {
        int end = start;
        while (end < body.length() && end - start < maxDigits && Character.digit(body.charAt(end), radix) >= 0) {
            end++;
        }
        if (end == start) {
            throw SqlException.at(SqlState.SYNTAX_ERROR, position(ctx), "invalid Unicode escape");
        }
        int codePoint = Integer.parseInt(body, start, end, radix);
        if (!Character.isValidCodePoint(codePoint) || codePoint == 0) {
            throw SqlException.at(SqlState.SYNTAX_ERROR, position(ctx), "invalid Unicode escape value");
        }
        out.appendCodePoint(codePoint);
        return end;
    }
}
