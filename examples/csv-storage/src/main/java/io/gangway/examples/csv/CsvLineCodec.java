package io.gangway.examples.csv;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlType;
import io.gangway.api.TypeKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The text of a row version, one record per version:
 *
 * <pre>
 *   xmin,value1,value2,…\n          for example:   17,t,42,"a, b","say ""hi""",\N,""
 * </pre>
 *
 * <p>The first field is the transaction that wrote the version ({@code xmin}); this engine never
 * deletes, so there is no {@code xmax}. Then one field per table column, in RFC 4180 style: a field
 * that contains a comma, a double quote, CR or LF is written in double quotes, with its quotes
 * doubled. SQL NULL is an unquoted {@code \N}, as in PostgreSQL's {@code COPY}; so that it can never
 * be mistaken for data, the empty string is written {@code ""} and the two-character text
 * {@code \N} is quoted. Records end with a single LF.
 *
 * <p>Every value is written in a form that reads back to an equal Java value (see {@link #format}),
 * which is what the contract's round-trip tests demand: {@link SqlType#format} is PostgreSQL's
 * display form and is not enough (it drops a numeric's negative scale and rounds doubles).
 */
final class CsvLineCodec {
    /** An unquoted field with this text is SQL NULL. */
    static final String NULL_MARKER = "\\N";

    private final List<TypeKind> kinds;

    CsvLineCodec(List<SqlType> types) {
        this.kinds = types.stream().map(SqlType::kind).toList();
    }

    /** Appends the record of one row version, newline included; {@code values} has one entry per column. */
    void encode(long xmin, List<?> values, StringBuilder out) {
        if (values.size() != kinds.size()) {
            throw new IllegalArgumentException("a row of " + values.size() + " values for " + kinds.size() + " columns");
        }
        out.append(xmin);
        for (int c = 0; c < kinds.size(); c++) {
            out.append(',');
            Object value = values.get(c);
            if (value == null) {
                out.append(NULL_MARKER);
            } else {
                appendField(format(kinds.get(c), value), out);
            }
        }
        out.append('\n');
    }

    /** The value of column {@code column} from its field's text ({@code null}: the field was NULL). */
    @Nullable Object decode(int column, @Nullable String field) {
        return field == null ? null : parse(kinds.get(column), field);
    }

    /** The {@code xmin} of a record from its first field. */
    static long xmin(@Nullable String field) {
        if (field == null) {
            throw new IllegalArgumentException("NULL transaction id");
        }
        return Long.parseLong(field);
    }

    /** The text of a non-null value, exact for every type. */
    static String format(TypeKind kind, Object value) {
        requireNonNull(value, "value is null");
        return switch (kind) {
            case BOOLEAN -> (Boolean) value ? "t" : "f";
            case INTEGER, BIGINT -> value.toString();
            // Java's shortest form that reads back to the same double: NaN, Infinity, -Infinity, -0.0.
            case DOUBLE -> Double.toString((Double) value);
            // toString, not toPlainString: "1E+30" keeps scale -30 and "1.50" keeps scale 2.
            case NUMERIC -> value.toString();
            case TEXT, UNKNOWN -> (String) value;
            // ISO 8601, with a sign for years before 0 or after 9999 ("-4712-01-01").
            case DATE -> value.toString();
        };
    }

    /** The value of a field's text; malformed text throws an {@link IllegalArgumentException} or a subclass. */
    static Object parse(TypeKind kind, String text) {
        return switch (kind) {
            case BOOLEAN -> switch (text) {
                case "t" -> Boolean.TRUE;
                case "f" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("not a boolean: " + text);
            };
            case INTEGER -> Integer.parseInt(text);
            case BIGINT -> Long.parseLong(text);
            case DOUBLE -> Double.parseDouble(text);
            case NUMERIC -> new BigDecimal(text);
            case TEXT, UNKNOWN -> text;
            case DATE -> LocalDate.parse(text);
        };
    }

    private static void appendField(String text, StringBuilder out) {
        if (!needsQuotes(text)) {
            out.append(text);
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                out.append('"');
            }
            out.append(ch);
        }
        out.append('"');
    }

    private static boolean needsQuotes(String text) {
        if (text.isEmpty() || text.equals(NULL_MARKER)) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
                return true;
            }
        }
        return false;
    }
}
