package io.gangway.examples.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits the first {@code limit} bytes of a table file into records of fields (the format of
 * {@link CsvLineCodec}). It works on bytes, not characters: the delimiters are ASCII, and no byte
 * of a multi-byte UTF-8 character is, so a field's bytes are cut exactly and decoded afterwards;
 * and it knows the byte offset where each complete record ends ({@link #recordEnd}), which is
 * what finding a torn last record needs.
 */
final class CsvRecordReader implements Closeable {
    private final InputStream in;
    private final long limit;
    private final String source;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int filled;
    private long consumed;
    private long recordEnd;
    private byte[] field = new byte[256];
    private int fieldLength;
    private final List<@Nullable String> fields = new ArrayList<>();

    /** {@code source} names the file in error messages. */
    CsvRecordReader(InputStream in, long limit, String source) {
        this.in = in;
        this.limit = limit;
        this.source = source;
    }

    /**
     * The next record's fields, {@code null} for a NULL field; valid until the next call. Returns
     * {@code null} when no complete record is left before the limit: at the end, or at a record
     * that the limit cuts short ({@link #recordEnd} is then less than the limit).
     *
     * @throws SqlException {@code XX001} where the bytes are not in this format at all (a damaged file)
     */
    @Nullable List<@Nullable String> next() throws IOException {
        fields.clear();
        while (true) {
            int b = read();
            if (b < 0) {
                return null;
            }
            fieldLength = 0;
            boolean quoted = b == '"';
            if (quoted) {
                // Inside quotes everything is data; "" is one quote, a single " ends the field.
                while (true) {
                    b = read();
                    if (b < 0) {
                        return null;
                    }
                    if (b == '"') {
                        b = read();
                        if (b != '"') {
                            break;
                        }
                    }
                    add(b);
                }
                if (b < 0) {
                    return null;
                }
                if (b != ',' && b != '\n') {
                    throw new SqlException(SqlState.DATA_CORRUPTED, "unexpected byte after a quoted field at byte "
                            + (consumed - 1) + " of " + source);
                }
            } else {
                while (b != ',' && b != '\n') {
                    add(b);
                    b = read();
                    if (b < 0) {
                        return null;
                    }
                }
            }
            fields.add(!quoted && isNullMarker() ? null : new String(field, 0, fieldLength, UTF_8));
            if (b == '\n') {
                recordEnd = consumed;
                return fields;
            }
        }
    }

    /** The offset just past the last complete record returned (0 before the first). */
    long recordEnd() {
        return recordEnd;
    }

    /** Closes the stream the reader reads. */
    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean isNullMarker() {
        return fieldLength == 2 && field[0] == '\\' && field[1] == 'N';
    }

    private void add(int b) {
        if (fieldLength == field.length) {
            field = Arrays.copyOf(field, field.length * 2);
        }
        field[fieldLength++] = (byte) b;
    }

    private int read() throws IOException {
        if (position == filled) {
            if (consumed >= limit) {
                return -1;
            }
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - consumed));
            if (n <= 0) {
                return -1;
            }
            position = 0;
            filled = n;
        }
        consumed++;
        return buffer[position++] & 0xff;
    }
}
