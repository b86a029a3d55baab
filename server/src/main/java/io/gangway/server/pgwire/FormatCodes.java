package io.gangway.server.pgwire;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.util.List;

/**
 * The format codes of a Bind message for parameters or result columns: none (all text), one (for
 * every column) or one per column; 0 is text, 1 is binary.
 */
public record FormatCodes(List<Short> codes) {
    /** Every column in text format. */
    public static final FormatCodes TEXT = new FormatCodes(List.of());

    public FormatCodes {
        codes = List.copyOf(requireNonNull(codes, "codes is null"));
        for (short code : codes) {
            if (code != PgMessageType.FORMAT_TEXT && code != PgMessageType.FORMAT_BINARY) {
                throw new SqlException(SqlState.PROTOCOL_VIOLATION, "unsupported format code: " + code);
            }
        }
    }

    /** The format of column (or parameter) {@code index}. */
    public short of(int index) {
        return switch (codes.size()) {
            case 0 -> PgMessageType.FORMAT_TEXT;
            case 1 -> codes.getFirst();
            default -> codes.get(index);
        };
    }

    /** Whether these codes fit {@code count} columns (none, one, or exactly {@code count}). */
    public boolean fits(int count) {
        return codes.size() <= 1 || codes.size() == count;
    }

    public int size() {
        return codes.size();
    }
}
