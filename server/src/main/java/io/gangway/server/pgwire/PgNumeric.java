package io.gangway.server.pgwire;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * PostgreSQL's binary {@code numeric}: int16 digit count, int16 weight (of the first digit, in
 * base-10000 places), int16 sign ({@code 0x0000}, {@code 0x4000} negative, {@code 0xC000} NaN),
 * int16 display scale, then the base-10000 digits, without leading or trailing zero digits.
 */
final class PgNumeric {
    private static final int POSITIVE = 0x0000;
    private static final int NEGATIVE = 0x4000;
    private static final int NAN = 0xC000;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    private PgNumeric() {
    }

    /** Writes the body (without the length word) of {@code value}. */
    static void write(ByteBuf out, BigDecimal value) {
        String plain = value.abs().toPlainString();
        int dot = plain.indexOf('.');
        String integral = stripLeadingZeros(dot < 0 ? plain : plain.substring(0, dot));
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        integral = "0".repeat((4 - integral.length() % 4) % 4) + integral;
        fraction = fraction + "0".repeat((4 - fraction.length() % 4) % 4);
        String all = integral + fraction;
        int weight = integral.length() / 4 - 1;
        int first = 0;
        int last = all.length() / 4;
        while (first < last && group(all, first) == 0) {
            first++;
            weight--;
        }
        while (last > first && group(all, last - 1) == 0) {
            last--;
        }
        out.writeShort(last - first);
        out.writeShort(last == first ? 0 : weight);
        out.writeShort(value.signum() < 0 ? NEGATIVE : POSITIVE);
        out.writeShort(Math.max(value.scale(), 0));
        for (int i = first; i < last; i++) {
            out.writeShort(group(all, i));
        }
    }

    /** Reads a value written by {@link #write} (or by PostgreSQL's {@code numeric_send}). */
    static BigDecimal read(ByteBuf in) {
        int digits = in.readUnsignedShort();
        int weight = in.readShort();
        int sign = in.readUnsignedShort();
        int displayScale = in.readUnsignedShort();
        if (sign == NAN) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "numeric NaN is not supported");
        }
        if (sign != POSITIVE && sign != NEGATIVE) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid sign in external \"numeric\" value");
        }
        BigInteger unscaled = BigInteger.ZERO;
        for (int i = 0; i < digits; i++) {
            int digit = in.readUnsignedShort();
            if (digit >= 10_000) {
                throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid digit in external \"numeric\" value");
            }
            unscaled = unscaled.multiply(TEN_THOUSAND).add(BigInteger.valueOf(digit));
        }
        BigDecimal value = new BigDecimal(unscaled, (digits - 1 - weight) * 4);
        if (sign == NEGATIVE) {
            value = value.negate();
        }
        return value.setScale(displayScale, RoundingMode.HALF_UP);
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static int group(String digits, int index) {
        return Integer.parseInt(digits, index * 4, index * 4 + 4, 10);
    }
}
