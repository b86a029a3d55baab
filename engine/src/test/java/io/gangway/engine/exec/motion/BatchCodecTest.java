package io.gangway.engine.exec.motion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.Batch;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchCodecTest {
    @Test
    void roundTripsEveryTypeWithNulls() {
        List<SqlType> types = List.of(SqlType.BOOLEAN, SqlType.INTEGER, SqlType.BIGINT, SqlType.NUMERIC,
                SqlType.numeric(12, 2), SqlType.DOUBLE, SqlType.TEXT, SqlType.varchar(10), SqlType.DATE,
                SqlType.UNKNOWN);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(true, 1, 1L, new BigDecimal("1.50"), new BigDecimal("12.34"), 1.5, "héllo 😀", "v",
                LocalDate.of(2024, 2, 29), "u"));
        rows.add(Arrays.asList(null, null, null, null, null, null, null, null, null, null));
        rows.add(Arrays.asList(false, Integer.MIN_VALUE, Long.MAX_VALUE,
                new BigDecimal("-123456789012345678901234567890.000000001"), new BigDecimal("-0.01"), Double.NaN, "",
                "0123456789", LocalDate.of(-4712, 1, 1), ""));
        rows.add(Arrays.asList(true, Integer.MAX_VALUE, Long.MIN_VALUE, BigDecimal.ZERO, new BigDecimal("0.00"),
                -0.0, "a\u0000b", null, LocalDate.MAX, null));
        for (int i = 0; i < 20; i++) { // more rows than one byte of null bitmap
            rows.add(Arrays.asList(i % 2 == 0, i, (long) i, null, new BigDecimal(i), (double) i, "r" + i, null,
                    LocalDate.EPOCH.plusDays(i), null));
        }
        Batch batch = Batch.ofRows(types, rows);
        Batch decoded = BatchCodec.decode(BatchCodec.encode(batch));
        assertThat(decoded.rowCount()).isEqualTo(batch.rowCount());
        for (int c = 0; c < types.size(); c++) {
            assertThat(decoded.column(c).type()).isEqualTo(types.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            assertThat(decoded.row(r)).as("row %d", r).isEqualTo(batch.row(r));
        }
        // Scale survives, not only the value.
        assertThat(((BigDecimal) decoded.column(4).get(3)).scale()).isEqualTo(2);
        assertThat(Double.doubleToRawLongBits((Double) decoded.column(5).get(3)))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void roundTripsBatchesWithoutColumnsOrRows() {
        Batch countOnly = new Batch(List.of(), 7);
        assertThat(BatchCodec.decode(BatchCodec.encode(countOnly)).rowCount()).isEqualTo(7);
        Batch empty = Batch.ofRows(List.of(SqlType.INTEGER), List.of());
        Batch decoded = BatchCodec.decode(BatchCodec.encode(empty));
        assertThat(decoded.rowCount()).isZero();
        assertThat(decoded.columnCount()).isEqualTo(1);
    }

    @Test
    void refusesTruncatedChunks() {
        byte[] chunk = BatchCodec.encode(Batch.ofRows(List.of(SqlType.TEXT), List.of(List.of("hello"))));
        assertThatThrownBy(() -> BatchCodec.decode(Arrays.copyOf(chunk, chunk.length - 2)))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.DATA_CORRUPTED));
    }
}
