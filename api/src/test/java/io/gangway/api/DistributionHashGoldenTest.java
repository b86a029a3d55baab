package io.gangway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins row placement: literal hashes and segment numbers, computed once and written here. Every data
 * directory holds rows where these values put them, so a change to {@link DistributionHash} that moves
 * any of them is a change of the on-disk format. Such a change must come with a way to move existing
 * rows; it may never pass by regenerating these literals.
 */
class DistributionHashGoldenTest {

    static Stream<Arguments> goldens() {
        return Stream.of(
                golden("int 0", key(0), 0xe220a8397b1dcdafL, 1, 2, 8),
                golden("int 1", key(1), 0x07776f161bd8ea27L, 0, 2, 10),
                golden("int -1", key(-1), 0x158ed36505bc3e75L, 1, 1, 5),
                golden("int 42", key(42), 0x02e27a83ece52600L, 0, 0, 8),
                golden("int max", key(Integer.MAX_VALUE), 0x5c44eba5cdc450d7L, 1, 2, 9),
                golden("int min", key(Integer.MIN_VALUE), 0xd69de7bd4804abf5L, 0, 0, 14),
                golden("bigint 1", key(1L), 0x07776f161bd8ea27L, 0, 2, 10),
                golden("bigint 10000000000", key(10_000_000_000L), 0x2657ad58e309dbcdL, 1, 2, 2),
                golden("bigint max", key(Long.MAX_VALUE), 0xc9407a9eae51f398L, 1, 2, 2),
                golden("bigint min", key(Long.MIN_VALUE), 0xcea3616b3d2feb54L, 0, 2, 13),
                golden("numeric 1.00", key(new BigDecimal("1.00")), 0x07776f161bd8ea27L, 0, 2, 10),
                golden("numeric 0.00", key(new BigDecimal("0.00")), 0xe220a8397b1dcdafL, 1, 2, 8),
                golden("numeric 3.14", key(new BigDecimal("3.14")), 0xa5ed9c7017c86e9bL, 1, 1, 8),
                golden("numeric -0.5", key(new BigDecimal("-0.5")), 0x9655ab55ea6ef3b2L, 0, 0, 12),
                golden("numeric 1E+3", key(new BigDecimal("1E+3")), 0x80e9dbad73ecc4eeL, 0, 2, 10),
                golden("numeric 20 digits", key(new BigDecimal("12345678901234567890")), 0x9c00865cb152c3c6L, 0, 0, 10),
                golden("text empty", key(""), 0x504c9b465be3ac3bL, 0, 0, 6),
                golden("text a", key("a"), 0xf983ee82e17e9b3bL, 0, 0, 0),
                golden("text hello", key("hello"), 0x27a8b3d48148129bL, 0, 0, 15),
                golden("text non-ASCII", key("Zürich"), 0x70267d9d7b21d21bL, 1, 1, 1),
                golden("date 1970-01-01", key(LocalDate.of(1970, 1, 1)), 0xc2b1be2928f5384aL, 0, 0, 11),
                golden("date 2000-02-29", key(LocalDate.of(2000, 2, 29)), 0xa76aa9492b2647afL, 0, 2, 8),
                golden("date 1899-12-31", key(LocalDate.of(1899, 12, 31)), 0x0b9d58a7fa224a68L, 0, 0, 10),
                golden("boolean true", key(true), 0x07776f161bd8ea27L, 0, 2, 10),
                golden("boolean false", key(false), 0xe220a8397b1dcdafL, 1, 2, 8),
                golden("double 2.0", key(2.0d), 0x64d9d59fc3c9ae82L, 1, 2, 8),
                golden("double 2.5", key(2.5d), 0x1867da37ea2ad483L, 0, 0, 5),
                golden("NULL", key((Object) null), 0x9c3d5a93fc6911a4L, 0, 2, 5),
                golden("NULL, NULL", key(null, null), 0xed0ea2496f467b2fL, 0, 2, 2),
                golden("(1, 'a')", key(1, "a"), 0xd428288552a23e5cL, 0, 2, 2),
                golden("('a', 1)", key("a", 1), 0xf0f960e251ececdfL, 1, 1, 15),
                golden("(1, NULL)", key(1, null), 0xc359cc24072d55f8L, 0, 0, 14),
                golden("(NULL, 1)", key(null, 1), 0x31d8e99f996bc0a3L, 1, 2, 12),
                golden("(42, 2024-01-01, 'x')", key(42, LocalDate.of(2024, 1, 1), "x"), 0xfd55a69c377826daL, 0, 0, 5),
                golden("(bigint 7, numeric 2.50)", key(7L, new BigDecimal("2.50")), 0xe6d7afaccc86c204L, 1, 1, 1),
                golden("empty key", key(), 0x9e3779b97f4a7c15L, 1, 1, 3)
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void hashAndSegmentsArePinned(String label, List<?> key, long hash, int of2, int of3, int of16) {
        assertThat(DistributionHash.hash(key)).as("hash of %s", label).isEqualTo(hash);
        assertThat(DistributionHash.segmentFor(hash, 2)).as("segment of %s among 2", label).isEqualTo(of2);
        assertThat(DistributionHash.segmentFor(hash, 3)).as("segment of %s among 3", label).isEqualTo(of3);
        assertThat(DistributionHash.segmentFor(hash, 16)).as("segment of %s among 16", label).isEqualTo(of16);
    }

    @Test
    void equalValuesOfComparableTypesHashAlike() {
        long int4 = DistributionHash.hash(key(1));
        assertThat(DistributionHash.hash(key(1L))).as("int8 1").isEqualTo(int4);
        assertThat(DistributionHash.hash(key(new BigDecimal("1.00")))).as("numeric 1.00").isEqualTo(int4);
        assertThat(DistributionHash.hash(key(1.0d))).as("float8 1.0").isEqualTo(int4);
        assertThat(DistributionHash.hash(key(-7, 3))).isEqualTo(DistributionHash.hash(key(-7L, new BigDecimal("3.000"))));
    }

    @Test
    void jumpHashOfRawValuesIsPinned() {
        assertThat(segments(0L)).containsExactly(0, 0, 0, 0);
        assertThat(segments(1L)).containsExactly(0, 0, 0, 6);
        assertThat(segments(-1L)).containsExactly(0, 1, 2, 10);
        assertThat(segments(Long.MIN_VALUE)).containsExactly(0, 1, 1, 12);
        assertThat(segments(Long.MAX_VALUE)).containsExactly(0, 0, 2, 8);
        assertThat(segments(0x0123456789abcdefL)).containsExactly(0, 0, 0, 13);
    }

    /** Segments of one hash among 1, 2, 3 and 16 segments. */
    private static int[] segments(long hash) {
        return new int[] {
            DistributionHash.segmentFor(hash, 1), DistributionHash.segmentFor(hash, 2),
            DistributionHash.segmentFor(hash, 3), DistributionHash.segmentFor(hash, 16)};
    }

    /** A key of values in order; unlike {@code List.of}, it may hold NULLs. */
    private static List<?> key(Object... values) {
        return Arrays.asList(values);
    }

    private static Arguments golden(String label, List<?> key, long hash, int of2, int of3, int of16) {
        return Arguments.of(label, key, hash, of2, of3, of16);
    }
}
