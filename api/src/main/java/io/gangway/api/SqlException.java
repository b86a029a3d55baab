package io.gangway.api;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * An error with its SQLSTATE, carried from wherever it happens (parser, analyzer, a QE on a segment,
 * the interconnect) to the client. Messages follow PostgreSQL's wording ({@code relation "t" does
 * not exist}); {@code position} is the 1-based character offset into the statement text, as in the
 * {@code P} field of an ErrorResponse.
 */
public class SqlException extends RuntimeException {
    private final SqlState state;
    private final Optional<String> detail;
    private final Optional<String> hint;
    private final OptionalInt position;

    public SqlException(SqlState state, String message) {
        this(state, message, Optional.empty(), Optional.empty(), OptionalInt.empty(), null);
    }

    public SqlException(SqlState state, String message, Throwable cause) {
        this(state, message, Optional.empty(), Optional.empty(), OptionalInt.empty(), cause);
    }

    public SqlException(
            SqlState state,
            String message,
            Optional<String> detail,
            Optional<String> hint,
            OptionalInt position,
            Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.state = requireNonNull(state, "state is null");
        this.detail = requireNonNull(detail, "detail is null");
        this.hint = requireNonNull(hint, "hint is null");
        this.position = requireNonNull(position, "position is null");
    }

    /** An error pointing at a character of the statement text (1-based). */
    public static SqlException at(SqlState state, int position, String message) {
        return new SqlException(
                state, message, Optional.empty(), Optional.empty(),
                position > 0 ? OptionalInt.of(position) : OptionalInt.empty(), null);
    }

    public SqlState state() {
        return state;
    }

    public Optional<String> detail() {
        return detail;
    }

    public Optional<String> hint() {
        return hint;
    }

    public OptionalInt position() {
        return position;
    }

    /** The same error with a DETAIL line. */
    public SqlException withDetail(String newDetail) {
        SqlException copy = new SqlException(state, getMessage(), Optional.of(newDetail), hint, position, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** The error a thrown exception means to a client: itself, or an internal error wrapping it. */
    public static SqlException of(Throwable t) {
        if (t instanceof SqlException e) {
            return e;
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return new SqlException(SqlState.INTERNAL_ERROR, message, t);
    }
}
