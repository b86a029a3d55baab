package io.gangway.engine.session;

import io.gangway.api.Batch;
import io.gangway.api.Column;
import java.util.List;
import java.util.Optional;

/**
 * The result of one statement, pulled by the client protocol. A statement that returns rows has
 * columns (RowDescription) and batches (DataRows); every statement ends with a command tag
 * ({@code SELECT 3}, {@code INSERT 0 2}, {@code CREATE TABLE}) once its rows are drained.
 */
public interface QueryResult extends AutoCloseable {
    /** The columns, if the statement returns rows. */
    Optional<List<Column>> columns();

    /** The next batch of rows, or empty when there are no more. Errors surface here as SqlException. */
    Optional<Batch> nextBatch();

    /** The command tag; valid once {@link #nextBatch()} returned empty. */
    String commandTag();

    /** Notices raised while running (WARNING/NOTICE lines for the client), drained by the caller. */
    default List<String> drainNotices() {
        return List.of();
    }

    /** Ends the statement early if rows remain (a portal closed before it was drained). */
    @Override
    void close();
}
