package io.gangway.engine.exec.expr;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;

/** PostgreSQL's text functions, counting characters (code points), not UTF-16 units. */
public final class TextFunctions {
    private TextFunctions() {
    }

    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** {@code substring(s FROM start)}: characters from {@code start} (1-based; before 1 means 1). */
    public static String substring(String s, long start) {
        return slice(s, Math.max(start, 1), Long.MAX_VALUE);
    }

    /**
     * {@code substring(s FROM start FOR count)}: the characters at positions
     * {@code start .. start+count-1} that exist (positions before 1 count but yield nothing).
     */
    public static String substring(String s, long start, long count) {
        if (count < 0) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "negative substring length not allowed");
        }
        long end = start + count; // exclusive
        if (end < start) { // overflow: no end
            end = Long.MAX_VALUE;
        }
        return slice(s, Math.max(start, 1), end);
    }

    /** Characters at 1-based positions {@code from} (at least 1) up to, not including, {@code end}. */
    private static String slice(String s, long from, long end) {
        int chars = length(s);
        if (end <= from || from > chars) {
            return "";
        }
        int first = (int) from - 1;
        int last = (int) Math.min(end - 1, chars); // exclusive 0-based end
        int begin = s.offsetByCodePoints(0, first);
        return s.substring(begin, s.offsetByCodePoints(begin, last - first));
    }

    /** {@code btrim(s, characters)}: removes any of {@code characters} from both ends. */
    public static String trim(String s, String characters) {
        int start = 0;
        int end = s.length();
        while (start < end) {
            int c = s.codePointAt(start);
            if (characters.indexOf(c) < 0) {
                break;
            }
            start += Character.charCount(c);
        }
        while (end > start) {
            int c = s.codePointBefore(end);
            if (characters.indexOf(c) < 0) {
                break;
            }
            end -= Character.charCount(c);
        }
        return s.substring(start, end);
    }
}
