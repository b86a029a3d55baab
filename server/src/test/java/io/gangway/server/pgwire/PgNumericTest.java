package io.gangway.server.pgwire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PgNumericTest {
    @Test
    void encodesAsPostgresDoes() {
        // numeric_send('12345.67'): 3 digits, weight 1, positive, dscale 2, digits 1 2345 6700
        assertThat(hex(new BigDecimal("12345.67"))).isEqualTo("0003" + "0001" + "0000" + "0002" + "0001" + "0929" + "1a2c");
        // 0.0001: one digit 1 at weight -1
        assertThat(hex(new BigDecimal("0.0001"))).isEqualTo("0001" + "ffff" + "0000" + "0004" + "0001");
        // zero keeps its display scale and has no digits
        assertThat(hex(new BigDecimal("0.00"))).isEqualTo("0000" + "0000" + "0000" + "0002");
        // 20000: trailing zero digit dropped, weight 1
        assertThat(hex(new BigDecimal("20000"))).isEqualTo("0001" + "0001" + "0000" + "0000" + "0002");
        assertThat(hex(new BigDecimal("-1"))).isEqualTo("0001" + "0000" + "4000" + "0000" + "0001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "1", "-1", "12345.6789", "0.0001", "-0.5", "100000000000000000000",
            "123456789.000001", "9999.9999", "10000", "1E+3", "3.14159265358979323846264338327950288"})
    void roundTrips(String text) {
        BigDecimal value = new BigDecimal(text);
        ByteBuf buf = Unpooled.buffer();
        PgNumeric.write(buf, value);
        BigDecimal read = PgNumeric.read(buf);
        buf.release();
        assertThat(read).isEqualByComparingTo(value);
        assertThat(read.scale()).isEqualTo(Math.max(value.scale(), 0));
    }

    private static String hex(BigDecimal value) {
        ByteBuf buf = Unpooled.buffer();
        PgNumeric.write(buf, value);
        String hex = ByteBufUtil.hexDump(buf);
        buf.release();
        return hex;
    }
}
