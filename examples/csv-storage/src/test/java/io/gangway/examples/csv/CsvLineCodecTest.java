package io.gangway.examples.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.api.TypeKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CsvLineCodecTest {
    private static final List<SqlType> TEXT_ONLY = List.of(SqlType.TEXT);

    @Test
    void writesRfc4180FieldsAfterTheXmin() {
        assertThat(encode(List.of(SqlType.INTEGER, SqlType.TEXT, SqlType.TEXT, SqlType.TEXT), 17,
                Arrays.asList(42, "plain", "a, b", "say \"hi\"")))
                .isEqualTo("17,42,plain,\"a, b\",\"say \"\"hi\"\"\"\n");
        assertThat(encode(TEXT_ONLY, 1, List.of("two\nlines"))).isEqualTo("1,\"two\nlines\"\n");
        assertThat(encode(TEXT_ONLY, 1, List.of("cr\r"))).isEqualTo("1,\"cr\r\"\n");
    }

    @Test
    void nullIsAnUnquotedBackslashNAndDiffersFromTheEmptyString() {
        List<SqlType> types = List.of(SqlType.TEXT, SqlType.TEXT, SqlType.TEXT, SqlType.INTEGER);
        List<Object> values = Arrays.asList(null, "", "\\N", null);
        String line = encode(types, 3, values);
        assertThat(line).isEqualTo("3,\\N,\"\",\"\\N\",\\N\n");
        assertThat(decodeAll(types, line)).containsExactly(values);
    }

    @Test
    void everyTypeRoundTripsExactly() {
        List<SqlType> types = List.of(SqlType.BOOLEAN, SqlType.INTEGER, SqlType.BIGINT, SqlType.DOUBLE,
                SqlType.NUMERIC, SqlType.numeric(1000, 40), SqlType.TEXT, SqlType.varchar(10), SqlType.DATE);
        List<List<Object>> rows = List.of(
                List.of(true, 0, 0L, 0.0, BigDecimal.ZERO, new BigDecimal("0.10"), "", "", LocalDate.of(1970, 1, 1)),
                List.of(false, Integer.MIN_VALUE, Long.MIN_VALUE, -0.0, new BigDecimal("1E+30"),
                        new BigDecimal("-" + "9".repeat(500) + "." + "1".repeat(40)), "héllo ✓ 日本語 🎉", "ünï",
                        LocalDate.of(-4712, 1, 1)),
                List.of(true, Integer.MAX_VALUE, Long.MAX_VALUE, Double.NaN, new BigDecimal("1.00"),
                        new BigDecimal("-0.00001"), "tab\there, \"quoted\"\r\n", "NULL", LocalDate.of(9999, 12, 31)),
                List.of(false, -1, 1L << 40, Double.POSITIVE_INFINITY, new BigDecimal("12345.678"),
                        BigDecimal.ONE, " spaces ", "a", LocalDate.of(1, 1, 1)),
                List.of(true, 7, -7L, Double.NEGATIVE_INFINITY, new BigDecimal("-1"), BigDecimal.TEN,
                        "x".repeat(3000), "\\N", LocalDate.of(2000, 2, 29)),
                List.of(false, 8, 8L, Double.MIN_VALUE, new BigDecimal("3.14159265358979323846264338327950288"),
                        new BigDecimal("1E-40"), "\"", ",", LocalDate.of(10000, 1, 1)),
                List.of(true, 9, 9L, Double.MAX_VALUE, new BigDecimal("0E-5"), new BigDecimal("2.5"), "\n", "\"\"",
                        LocalDate.of(2024, 6, 30)));
        StringBuilder file = new StringBuilder();
        CsvLineCodec codec = new CsvLineCodec(types);
        for (List<Object> row : rows) {
            codec.encode(5, row, file);
        }
        List<List<@Nullable Object>> back = decodeAll(types, file.toString());
        assertThat(back).isEqualTo(rows);
        // equals on doubles compares bits: -0.0 and NaN came back as themselves; on BigDecimal, the scale.
        assertThat(((BigDecimal) back.get(1).get(4)).scale()).isEqualTo(-30);
        assertThat(((BigDecimal) back.get(2).get(4)).scale()).isEqualTo(2);
    }

    @Test
    void formatsEachKindInItsExactTextForm() {
        assertThat(CsvLineCodec.format(TypeKind.BOOLEAN, true)).isEqualTo("t");
        assertThat(CsvLineCodec.format(TypeKind.BOOLEAN, false)).isEqualTo("f");
        assertThat(CsvLineCodec.format(TypeKind.DOUBLE, -0.0)).isEqualTo("-0.0");
        assertThat(CsvLineCodec.format(TypeKind.DOUBLE, Double.NaN)).isEqualTo("NaN");
        assertThat(CsvLineCodec.format(TypeKind.DOUBLE, Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(CsvLineCodec.format(TypeKind.DOUBLE, 0.1)).isEqualTo("0.1");
        assertThat(CsvLineCodec.format(TypeKind.NUMERIC, new BigDecimal("1E+30"))).isEqualTo("1E+30");
        assertThat(CsvLineCodec.format(TypeKind.NUMERIC, new BigDecimal("1.50"))).isEqualTo("1.50");
        assertThat(CsvLineCodec.format(TypeKind.DATE, LocalDate.of(-4712, 1, 1))).isEqualTo("-4712-01-01");
        assertThat(CsvLineCodec.format(TypeKind.DATE, LocalDate.of(1, 1, 1))).isEqualTo("0001-01-01");
    }

    @Test
    void aRecordCutShortIsNotReturned() throws IOException {
        String whole = encode(TEXT_ONLY, 1, List.of("first")) + encode(TEXT_ONLY, 2, List.of("sec\nond"));
        String torn = whole + "3,\"unfinished\nline";
        try (CsvRecordReader reader = reader(torn)) {
            assertThat(reader.next()).containsExactly("1", "first");
            assertThat(reader.next()).containsExactly("2", "sec\nond");
            assertThat(reader.next()).isNull();
            assertThat(reader.recordEnd()).isEqualTo(whole.getBytes(UTF_8).length);
        }
    }

    @Test
    void garbageAfterAClosingQuoteIsCorrupt() {
        assertThatThrownBy(() -> {
            try (CsvRecordReader reader = reader("1,\"ab\"c\n")) {
                reader.next();
            }
        }).isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.DATA_CORRUPTED));
    }

    @Test
    void malformedValuesAreRefused() {
        CsvLineCodec codec = new CsvLineCodec(List.of(SqlType.BOOLEAN, SqlType.INTEGER, SqlType.DATE));
        assertThatThrownBy(() -> codec.decode(0, "true")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decode(1, "4x")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> codec.decode(2, "2024-13-01")).isInstanceOf(java.time.DateTimeException.class);
        assertThatThrownBy(() -> CsvLineCodec.xmin(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String encode(List<SqlType> types, long xmin, List<?> values) {
        StringBuilder out = new StringBuilder();
        new CsvLineCodec(types).encode(xmin, values, out);
        return out.toString();
    }

    private static CsvRecordReader reader(String text) {
        byte[] bytes = text.getBytes(UTF_8);
        return new CsvRecordReader(new ByteArrayInputStream(bytes), bytes.length, "test");
    }

    /** Every record of {@code text} decoded, checking that each names xmin 3 or 5 and has all columns. */
    private static List<List<@Nullable Object>> decodeAll(List<SqlType> types, String text) {
        CsvLineCodec codec = new CsvLineCodec(types);
        List<List<@Nullable Object>> rows = new ArrayList<>();
        try (CsvRecordReader reader = reader(text)) {
            for (List<@Nullable String> fields = reader.next(); fields != null; fields = reader.next()) {
                assertThat(fields).hasSize(types.size() + 1);
                assertThat(CsvLineCodec.xmin(fields.get(0))).isIn(3L, 5L);
                List<@Nullable Object> row = new ArrayList<>();
                for (int c = 0; c < types.size(); c++) {
                    row.add(codec.decode(c, fields.get(c + 1)));
                }
                rows.add(row);
            }
            assertThat(reader.recordEnd()).isEqualTo(text.getBytes(UTF_8).length);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return rows;
    }
}
