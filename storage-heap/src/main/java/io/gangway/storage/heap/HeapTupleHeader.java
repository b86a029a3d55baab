package io.gangway.storage.heap;

import java.nio.ByteBuffer;

/**
 * The header every stored row version starts with, PostgreSQL's {@code HeapTupleHeaderData} in
 * spirit; accessors read and write it in a page buffer at the tuple's offset.
 *
 * <pre>
 *  0  8  t_xmin      transaction that made the version
 *  8  8  t_xmax      transaction that removed it, 0 while live (set in place by DELETE/UPDATE)
 * 16  4  t_ctid blk  block of this version, or of its successor once updated
 * 20  2  t_ctid off  line number of the same
 * 22  2  t_infomask  flags: HAS_NULLS, and hint bits reserved for commit status
 * 24  2  t_natts     number of attributes stored
 * 26  2  t_hoff      offset of the first value (header plus null bitmap)
 * 28  .. null bitmap (when HAS_NULLS): bit set = value present, as PostgreSQL's t_bits
 * </pre>
 */
final class HeapTupleHeader {
    static final int FIXED_SIZE = 28;

    static final int HEAP_HASNULL = 0x0001;
    /** Hint bits, reserved for the transaction manager (PostgreSQL's values). */
    static final int HEAP_XMIN_COMMITTED = 0x0100;
    static final int HEAP_XMIN_INVALID = 0x0200;
    static final int HEAP_XMAX_COMMITTED = 0x0400;
    static final int HEAP_XMAX_INVALID = 0x0800;

    private static final int XMIN = 0;
    private static final int XMAX = 8;
    private static final int CTID_BLOCK = 16;
    private static final int CTID_LINE = 20;
    private static final int INFOMASK = 22;
    private static final int NATTS = 24;
    private static final int HOFF = 26;

    private HeapTupleHeader() {
    }

    static int size(int natts, boolean hasNulls) {
        return FIXED_SIZE + (hasNulls ? (natts + 7) / 8 : 0);
    }

    /** Writes a header for a new live version of {@code xmin}; the bitmap is left clear. */
    static void write(ByteBuffer b, int at, long xmin, int natts, boolean hasNulls) {
        b.putLong(at + XMIN, xmin);
        b.putLong(at + XMAX, 0L);
        b.putInt(at + CTID_BLOCK, 0);
        b.putShort(at + CTID_LINE, (short) 0);
        b.putShort(at + INFOMASK, (short) (hasNulls ? HEAP_HASNULL : 0));
        b.putShort(at + NATTS, (short) natts);
        b.putShort(at + HOFF, (short) size(natts, hasNulls));
        for (int i = FIXED_SIZE; i < size(natts, hasNulls); i++) {
            b.put(at + i, (byte) 0);
        }
    }

    static long xmin(ByteBuffer b, int at) {
        return b.getLong(at + XMIN);
    }

    static long xmax(ByteBuffer b, int at) {
        return b.getLong(at + XMAX);
    }

    static void setXmax(ByteBuffer b, int at, long xmax) {
        b.putLong(at + XMAX, xmax);
    }

    static int ctidBlock(ByteBuffer b, int at) {
        return b.getInt(at + CTID_BLOCK);
    }

    static int ctidLine(ByteBuffer b, int at) {
        return Short.toUnsignedInt(b.getShort(at + CTID_LINE));
    }

    static void setCtid(ByteBuffer b, int at, int block, int line) {
        b.putInt(at + CTID_BLOCK, block);
        b.putShort(at + CTID_LINE, (short) line);
    }

    static int infomask(ByteBuffer b, int at) {
        return Short.toUnsignedInt(b.getShort(at + INFOMASK));
    }

    static int natts(ByteBuffer b, int at) {
        return Short.toUnsignedInt(b.getShort(at + NATTS));
    }

    static int hoff(ByteBuffer b, int at) {
        return Short.toUnsignedInt(b.getShort(at + HOFF));
    }

    static boolean hasNulls(ByteBuffer b, int at) {
        return (infomask(b, at) & HEAP_HASNULL) != 0;
    }

    /** Whether attribute {@code attribute} (0-based) holds a value rather than NULL. */
    static boolean isPresent(ByteBuffer b, int at, int attribute) {
        return (b.get(at + FIXED_SIZE + (attribute >>> 3)) & (1 << (attribute & 7))) != 0;
    }

    static void setPresent(ByteBuffer b, int at, int attribute) {
        int index = at + FIXED_SIZE + (attribute >>> 3);
        b.put(index, (byte) (b.get(index) | (1 << (attribute & 7))));
    }
}
