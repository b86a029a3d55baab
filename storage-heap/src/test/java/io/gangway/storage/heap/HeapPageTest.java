package io.gangway.storage.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.Batch;
import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.api.TypeKind;
import io.gangway.spi.catalog.DistributionPolicy;
import io.gangway.spi.catalog.TableDescriptor;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapPageTest {
    private static final TableDescriptor TABLE = new TableDescriptor(7, "public", "t",
            List.of(new Column("a", SqlType.INTEGER), new Column("b", SqlType.TEXT),
                    new Column("c", SqlType.NUMERIC), new Column("d", SqlType.DATE)),
            List.of(false, false, false, false), new DistributionPolicy.Random(1), "heap", java.util.Map.of());

    private static ByteBuffer tuple(long xid, Object... values) {
        Batch batch = Batch.ofRows(TABLE.columnTypes(), List.of(Arrays.asList(values)));
        return new TupleEncoder(TABLE).encode(batch, 0, xid);
    }

    @Test
    void tupleHeaderRoundTripsAndXmaxIsSetInPlace() {
        HeapPage page = new HeapPage();
        page.initialize();
        int line = page.addTuple(tuple(42, 1, "one", new BigDecimal("-1.25"), null), 3);
        int line2 = page.addTuple(tuple(43, null, null, null, LocalDate.of(2020, 1, 2)), 3);
        assertThat(line).isEqualTo(1);
        assertThat(line2).isEqualTo(2);
        assertThat(page.lineCount()).isEqualTo(2);

        ByteBuffer b = page.buffer();
        int at = page.itemOffset(1);
        assertThat(page.xmin(1)).isEqualTo(42);
        assertThat(page.xmax(1)).isZero();
        assertThat(HeapTupleHeader.natts(b, at)).isEqualTo(4);
        assertThat(HeapTupleHeader.hasNulls(b, at)).isTrue();
        assertThat(HeapTupleHeader.ctidBlock(b, at)).isEqualTo(3);
        assertThat(HeapTupleHeader.ctidLine(b, at)).isEqualTo(1);
        assertThat(HeapTupleHeader.ctidLine(b, page.itemOffset(2))).isEqualTo(2);

        page.setXmax(1, 77);
        assertThat(page.xmax(1)).isEqualTo(77);
        assertThat(page.xmin(1)).isEqualTo(42);
        assertThat(page.xmax(2)).isZero();

        page.updateChecksum(3);
        page.verify(3, "base/7/7");
        assertThat(page.isValid(4)).as("a page read from the wrong block fails").isFalse();

        Object[] values = new Object[4];
        new TupleDecoder(TABLE.columnTypes().stream().map(SqlType::kind).toList(), List.of(0, 1, 2, 3))
                .decode(b, at, values);
        assertThat(values).containsExactly(1, "one", new BigDecimal("-1.25"), null);
        new TupleDecoder(List.of(TypeKind.INTEGER, TypeKind.TEXT, TypeKind.NUMERIC, TypeKind.DATE), List.of(3))
                .decode(b, page.itemOffset(2), values);
        assertThat(values[3]).isEqualTo(LocalDate.of(2020, 1, 2));
    }

    @Test
    void tupleWithoutNullsHasNoBitmap() {
        ByteBuffer t = tuple(1, 5, "x", BigDecimal.ONE, LocalDate.EPOCH);
        assertThat(HeapTupleHeader.hasNulls(t, 0)).isFalse();
        assertThat(HeapTupleHeader.hoff(t, 0)).isEqualTo(HeapTupleHeader.FIXED_SIZE);
        // 4 (int) + 4+1 (text) + 4+4+1 (numeric) + 4 (date)
        assertThat(t.remaining()).isEqualTo(HeapTupleHeader.FIXED_SIZE + 22);
    }

    @Test
    void newPageIsValidAndAnyFlippedBitIsCaught() {
        HeapPage page = new HeapPage();
        page.verify(0, "r");
        assertThat(page.isNew()).isTrue();

        page.initialize();
        page.addTuple(tuple(1, 1, "a", BigDecimal.TEN, null), 0);
        page.updateChecksum(0);
        page.verify(0, "r");
        for (int offset : new int[] {0, 9, 20, 100, HeapPage.SIZE - 1}) {
            page.bytes()[offset] ^= 0x10;
            assertThatThrownBy(() -> page.verify(0, "base/1/1"))
                    .isInstanceOfSatisfying(SqlException.class, e -> {
                        assertThat(e.state()).isEqualTo(SqlState.DATA_CORRUPTED);
                        assertThat(e.getMessage()).isEqualTo("invalid page in block 0 of relation base/1/1");
                    });
            page.bytes()[offset] ^= 0x10;
        }
        page.verify(0, "r");
    }

    @Test
    void pageFillsUpToItsSize() {
        HeapPage page = new HeapPage();
        page.initialize();
        assertThat(page.freeSpace()).isEqualTo(HeapPage.MAX_TUPLE_SIZE);
        int lines = 0;
        ByteBuffer t = tuple(1, 1, "0123456789", BigDecimal.ONE, null);
        int length = t.remaining();
        while (page.hasRoomFor(length)) {
            page.addTuple(t, 0);
            lines++;
        }
        assertThat(lines).isEqualTo((HeapPage.SIZE - HeapPage.HEADER_SIZE) / (length + HeapPage.LINE_POINTER_SIZE));
        assertThat(page.lineCount()).isEqualTo(lines);
        assertThat(page.upper() - page.lower()).isLessThan(length + HeapPage.LINE_POINTER_SIZE);
    }

    @Test
    void largestTupleFillsAnEmptyPage() {
        HeapPage page = new HeapPage();
        page.initialize();
        ByteBuffer big = ByteBuffer.allocate(HeapPage.MAX_TUPLE_SIZE);
        HeapTupleHeader.write(big, 0, 9, 0, false);
        assertThat(page.hasRoomFor(big.remaining())).isTrue();
        page.addTuple(big, 0);
        assertThat(page.freeSpace()).isZero();
        page.updateChecksum(0);
        page.verify(0, "r");
    }
}
