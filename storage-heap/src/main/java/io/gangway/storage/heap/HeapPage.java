package io.gangway.storage.heap;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * One 8 KB page of a heap relation, in memory: PostgreSQL's slotted page layout.
 *
 * <pre>
 * +--------------+---------------------------+ 0
 * | header (24)  | lsn 8 | checksum 4 | flags 2 | lower 2 | upper 2 | special 2 | version 2 | reserved 2
 * +--------------+---------------------------+ 24
 * | line pointers (4 bytes each) growing up  |
 * +------------------------------------------+ lower
 * |                free space                |
 * +------------------------------------------+ upper
 * | tuples growing down                      |
 * +------------------------------------------+ special = 8192
 * </pre>
 *
 * <p>A line pointer packs the tuple's offset (15 bits), its state (2 bits: unused, normal, redirect,
 * dead) and its length (15 bits), as PostgreSQL's {@code ItemIdData}. The checksum is a CRC32C over
 * the whole page except the checksum field, seeded with the block number so that a page written in
 * the wrong place is caught too. A page of all zeros is a valid new page (a block a crash left
 * unwritten), as PostgreSQL treats it. The LSN is reserved for the write-ahead log.
 */
final class HeapPage {
    static final int SIZE = 8192;
    static final int HEADER_SIZE = 24;
    static final int LINE_POINTER_SIZE = 4;
    /** The largest tuple a page holds: an empty page minus one line pointer. */
    static final int MAX_TUPLE_SIZE = SIZE - HEADER_SIZE - LINE_POINTER_SIZE;
    /** Layout version, stored with the page size as PostgreSQL's {@code pd_pagesize_version}. */
    static final int LAYOUT_VERSION = 1;

    static final int LP_UNUSED = 0;
    static final int LP_NORMAL = 1;
    static final int LP_REDIRECT = 2;
    static final int LP_DEAD = 3;

    private static final int LSN = 0;
    private static final int CHECKSUM = 8;
    private static final int FLAGS = 12;
    private static final int LOWER = 14;
    private static final int UPPER = 16;
    private static final int SPECIAL = 18;
    private static final int PAGESIZE_VERSION = 20;
    private static final byte[] ZEROS = new byte[SIZE];

    private final byte[] bytes = new byte[SIZE];
    private final ByteBuffer buffer = ByteBuffer.wrap(bytes);

    byte[] bytes() {
        return bytes;
    }

    ByteBuffer buffer() {
        return buffer;
    }

    /** Makes this an empty, initialized page. */
    void initialize() {
        Arrays.fill(bytes, (byte) 0);
        setShort(LOWER, HEADER_SIZE);
        setShort(UPPER, SIZE);
        setShort(SPECIAL, SIZE);
        setShort(PAGESIZE_VERSION, SIZE | LAYOUT_VERSION);
    }

    /** A page never initialized: all zeros. */
    boolean isNew() {
        return upper() == 0 && Arrays.equals(bytes, ZEROS);
    }

    long lsn() {
        return buffer.getLong(LSN);
    }

    void setLsn(long lsn) {
        buffer.putLong(LSN, lsn);
    }

    int storedChecksum() {
        return buffer.getInt(CHECKSUM);
    }

    int flags() {
        return getShort(FLAGS);
    }

    int lower() {
        return getShort(LOWER);
    }

    int upper() {
        return getShort(UPPER);
    }

    /** Line pointers on the page; line numbers run from 1 to this, as PostgreSQL's offset numbers. */
    int lineCount() {
        return (lower() - HEADER_SIZE) / LINE_POINTER_SIZE;
    }

    /** Bytes left for new tuples, one line pointer already deducted. */
    int freeSpace() {
        return Math.max(0, upper() - lower() - LINE_POINTER_SIZE);
    }

    boolean hasRoomFor(int tupleLength) {
        return upper() - lower() >= tupleLength + LINE_POINTER_SIZE;
    }

    /**
     * Stores a tuple (from the buffer's position to its limit) and points its {@code t_ctid} at
     * itself, as a fresh version does. Returns its line number. The caller checked the room.
     */
    int addTuple(ByteBuffer tuple, int block) {
        int length = tuple.remaining();
        int lower = lower();
        int upper = upper() - length;
        if (upper < lower + LINE_POINTER_SIZE) {
            throw new IllegalStateException("no room for a tuple of " + length + " bytes");
        }
        tuple.get(tuple.position(), bytes, upper, length);
        buffer.putInt(lower, linePointer(upper, LP_NORMAL, length));
        setShort(LOWER, lower + LINE_POINTER_SIZE);
        setShort(UPPER, upper);
        int line = (lower - HEADER_SIZE) / LINE_POINTER_SIZE + 1;
        HeapTupleHeader.setCtid(buffer, upper, block, line);
        return line;
    }

    private static int linePointer(int offset, int state, int length) {
        return offset | (state << 15) | (length << 17);
    }

    private int linePointer(int line) {
        return buffer.getInt(HEADER_SIZE + (line - 1) * LINE_POINTER_SIZE);
    }

    int itemOffset(int line) {
        return linePointer(line) & 0x7FFF;
    }

    int itemState(int line) {
        return (linePointer(line) >>> 15) & 0x3;
    }

    int itemLength(int line) {
        return linePointer(line) >>> 17;
    }

    long xmin(int line) {
        return HeapTupleHeader.xmin(buffer, itemOffset(line));
    }

    long xmax(int line) {
        return HeapTupleHeader.xmax(buffer, itemOffset(line));
    }

    /**
     * Marks the version at {@code line} removed by {@code xmax}, in place: what DELETE and UPDATE
     * will do. The page is dirty afterwards; its checksum is set again when it is written.
     */
    void setXmax(int line, long xmax) {
        HeapTupleHeader.setXmax(buffer, itemOffset(line), xmax);
    }

    /** Sets the checksum field for the page's place in the relation; done just before a write. */
    void updateChecksum(int block) {
        buffer.putInt(CHECKSUM, computeChecksum(block));
    }

    int computeChecksum(int block) {
        CRC32C crc = new CRC32C();
        crc.update(block >>> 24);
        crc.update(block >>> 16);
        crc.update(block >>> 8);
        crc.update(block);
        crc.update(bytes, 0, CHECKSUM);
        crc.update(bytes, CHECKSUM + 4, SIZE - CHECKSUM - 4);
        return (int) crc.getValue();
    }

    /**
     * Checks a page just read: a new (all-zero) page passes; otherwise the checksum must match and
     * the header and line pointers must lie inside the page, or the read fails with XX001.
     */
    void verify(int block, String relation) {
        String problem = problem(block);
        if (problem != null) {
            throw new SqlException(SqlState.DATA_CORRUPTED, "invalid page in block "
                    + Integer.toUnsignedString(block) + " of relation " + relation).withDetail(problem);
        }
    }

    /** Whether {@link #verify} would pass, for callers that only want a hint. */
    boolean isValid(int block) {
        return problem(block) == null;
    }

    private @Nullable String problem(int block) {
        if (isNew()) {
            return null;
        }
        int calculated = computeChecksum(block);
        if (calculated != storedChecksum()) {
            return "page verification failed, calculated checksum " + Integer.toUnsignedString(calculated)
                    + " but expected " + Integer.toUnsignedString(storedChecksum());
        }
        int lower = lower();
        int upper = upper();
        if (lower < HEADER_SIZE || lower > upper || upper > SIZE || getShort(SPECIAL) != SIZE
                || (lower - HEADER_SIZE) % LINE_POINTER_SIZE != 0) {
            return "invalid page header";
        }
        for (int line = 1, count = lineCount(); line <= count; line++) {
            int offset = itemOffset(line);
            int length = itemLength(line);
            if (itemState(line) == LP_NORMAL
                    && (offset < upper || offset + length > SIZE || length < HeapTupleHeader.FIXED_SIZE)) {
                return "invalid line pointer " + line;
            }
        }
        return null;
    }

    private int getShort(int offset) {
        return Short.toUnsignedInt(buffer.getShort(offset));
    }

    private void setShort(int offset, int value) {
        buffer.putShort(offset, (short) value);
    }
}
