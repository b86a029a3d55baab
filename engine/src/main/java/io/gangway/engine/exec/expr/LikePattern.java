package io.gangway.engine.exec.expr;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.util.regex.Pattern;

/**
 * A LIKE / ILIKE pattern: {@code %} matches any run of characters, {@code _} one character, and a
 * backslash makes the next character literal. Matching covers the whole string.
 */
public final class LikePattern {
    private final Pattern regex;

    private LikePattern(Pattern regex) {
        this.regex = regex;
    }

    public static LikePattern compile(String pattern, boolean caseInsensitive) {
        StringBuilder out = new StringBuilder(pattern.length() + 8);
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\\') {
                if (i >= pattern.length()) {
                    throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                            "LIKE pattern must not end with escape character");
                }
                int escaped = pattern.codePointAt(i);
                i += Character.charCount(escaped);
                literal.appendCodePoint(escaped);
            } else if (c == '%' || c == '_') {
                flush(literal, out);
                out.append(c == '%' ? ".*" : ".");
            } else {
                literal.appendCodePoint(c);
            }
        }
        flush(literal, out);
        int flags = Pattern.DOTALL | (caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return new LikePattern(Pattern.compile(out.toString(), flags));
    }

    private static void flush(StringBuilder literal, StringBuilder out) {
        if (!literal.isEmpty()) {
            out.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }

    public boolean matches(String value) {
        return regex.matcher(value).matches();
    }
}
