package io.gangway.engine.qd;

import io.gangway.api.Batch;
import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.engine.session.QueryResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A session's open SQL cursors ({@code DECLARE … CURSOR}): each a running plan on its own reader
 * gangs, read a number of rows at a time by {@code FETCH}. A cursor declared without HOLD closes
 * when its transaction ends.
 */
final class Cursors {
    private final Map<String, Cursor> open = new LinkedHashMap<>();

    /** One open cursor: its plan, its columns, and the rows of a batch FETCH has only partly returned. */
    static final class Cursor {
        final String name;
        final PlanExecution execution;
        final List<Column> columns;
        final boolean withHold;
        private Batch pending;
        private int pendingOffset;
        private boolean exhausted;

        Cursor(String name, PlanExecution execution, List<Column> columns, boolean withHold) {
            this.name = name;
            this.execution = execution;
            this.columns = columns;
            this.withHold = withHold;
        }

        /** Up to {@code count} more rows (all that remain when empty). */
        List<List<Object>> fetch(OptionalLong count) {
            List<List<Object>> rows = new ArrayList<>();
            long wanted = count.orElse(Long.MAX_VALUE);
            while (rows.size() < wanted) {
                if (pending == null || pendingOffset == pending.rowCount()) {
                    if (exhausted) {
                        break;
                    }
                    Optional<Batch> next = execution.nextBatch();
                    if (next.isEmpty()) {
                        exhausted = true;
                        break;
                    }
                    pending = next.get();
                    pendingOffset = 0;
                    continue;
                }
                rows.add(pending.row(pendingOffset++));
            }
            return rows;
        }
    }

    void declare(String name, PlanExecution execution, List<Column> columns, boolean withHold) {
        if (open.containsKey(name)) {
            execution.close();
            throw new SqlException(SqlState.DUPLICATE_CURSOR, "cursor \"" + name + "\" already exists");
        }
        open.put(name, new Cursor(name, execution, columns, withHold));
    }

    Cursor get(String name) {
        Cursor cursor = open.get(name);
        if (cursor == null) {
            throw new SqlException(SqlState.INVALID_CURSOR_NAME, "cursor \"" + name + "\" does not exist");
        }
        return cursor;
    }

    Optional<List<Column>> columns(String name) {
        return Optional.ofNullable(open.get(name)).map(c -> c.columns);
    }

    /** Drops a cursor whose plan already ended (it failed mid-FETCH). */
    void forget(String name) {
        open.remove(name);
    }

    void close(String name) {
        get(name).execution.close();
        open.remove(name);
    }

    /** Closes every cursor, or (at the end of a transaction) those declared without HOLD. */
    void closeAll(boolean holdable) {
        open.values().removeIf(cursor -> {
            if (holdable || !cursor.withHold) {
                cursor.execution.close();
                return true;
            }
            return false;
        });
    }

    /** A FETCH's result: the rows it got, and the tag PostgreSQL gives it. */
    static QueryResult result(Cursor cursor, List<List<Object>> rows) {
        return Results.rows(cursor.columns, rows, "FETCH " + rows.size());
    }
}
