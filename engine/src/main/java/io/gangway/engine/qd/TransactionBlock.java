package io.gangway.engine.qd;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.engine.session.QueryResult;
import io.gangway.spi.ast.Statement;
import io.gangway.spi.ast.TransactionStatement;
import java.util.List;

/**
 * The client's transaction block, PostgreSQL's {@code TBLOCK_*} states reduced to what Gangway has:
 * outside a block, inside one, or inside a failed one. Statements still commit one by one on the
 * segments; a block groups reads, and a write inside one is refused ({@code 0A000}) until distributed
 * transactions exist, rather than pretending to be atomic.
 *
 * <p>Used on the QD session's thread only.
 */
final class TransactionBlock {
    /** Where the session is; {@link #wireStatus} is the byte {@code ReadyForQuery} reports. */
    enum State {
        IDLE('I'),
        IN_BLOCK('T'),
        FAILED('E');

        private final char wireStatus;

        State(char wireStatus) {
            this.wireStatus = wireStatus;
        }

        char wireStatus() {
            return wireStatus;
        }
    }

    private final Runnable onEnd;
    private State state = State.IDLE;

    /** @param onEnd runs when a block ends by COMMIT or ROLLBACK (cursors without HOLD close then) */
    TransactionBlock(Runnable onEnd) {
        this.onEnd = onEnd;
    }

    State state() {
        return state;
    }

    boolean isIdle() {
        return state == State.IDLE;
    }

    /** In a failed block only COMMIT/ROLLBACK may run ({@code 25P02}), as in PostgreSQL. */
    void checkMayRun(Statement statement) {
        if (state == State.FAILED && !(statement instanceof TransactionStatement)) {
            throw new SqlException(SqlState.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
    }

    /** A statement failed: an open block is now failed. */
    void statementFailed() {
        if (state == State.IN_BLOCK) {
            state = State.FAILED;
        }
    }

    /** Refuses a write inside a block: each write still commits on its own. */
    void refuseWrite(String what) {
        if (state != State.IDLE) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                    what + " inside a transaction block is not supported yet: Gangway commits each write statement on its own");
        }
    }

    QueryResult run(TransactionStatement statement) {
        return switch (statement.kind()) {
            case BEGIN -> {
                List<String> notices = state == State.IDLE ? List.of()
                        : List.of("WARNING: there is already a transaction in progress");
                if (state == State.IDLE) {
                    state = State.IN_BLOCK;
                }
                yield Results.tag("BEGIN", notices);
            }
            case COMMIT -> end(state == State.FAILED ? "ROLLBACK" : "COMMIT");
            case ROLLBACK -> end("ROLLBACK");
        };
    }

    private QueryResult end(String tag) {
        onEnd.run();
        List<String> notices = state == State.IDLE ? List.of("WARNING: there is no transaction in progress") : List.of();
        state = State.IDLE;
        return Results.tag(tag, notices);
    }
}
