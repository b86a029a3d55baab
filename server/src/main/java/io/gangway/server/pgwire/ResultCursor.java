package io.gangway.server.pgwire;

import io.gangway.api.Batch;
import io.gangway.api.Column;
import io.gangway.api.SqlType;
import io.gangway.engine.session.QueryResult;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A running statement's result as a portal sees it: rows are sent as DataRows a limited number at
 * a time (Execute's row limit), the rest of the current batch kept for the next Execute.
 */
final class ResultCursor implements AutoCloseable {
    private final QueryResult result;
    private final Optional<List<Column>> columns;
    private final List<SqlType> types;
    private @Nullable Batch batch;
    private int offset;
    private boolean exhausted;

    ResultCursor(QueryResult result) {
        this.result = result;
        this.columns = result.columns();
        this.types = columns.map(list -> list.stream().map(Column::type).toList()).orElse(List.of());
    }

    Optional<List<Column>> columns() {
        return columns;
    }

    /**
     * Sends up to {@code maxRows} rows ({@code 0} or less: all). Returns {@code true} when the result
     * is exhausted (the command tag is then known), {@code false} when rows remain.
     */
    boolean send(BackendWriter out, FormatCodes formats, int maxRows) {
        long sent = 0;
        while (true) {
            if (batch == null || offset >= batch.rowCount()) {
                if (exhausted) {
                    return true;
                }
                Optional<Batch> next = result.nextBatch();
                if (next.isEmpty()) {
                    exhausted = true;
                    batch = null;
                    return true;
                }
                batch = next.get();
                offset = 0;
                continue;
            }
            if (maxRows > 0 && sent == maxRows) {
                return false;
            }
            int count = batch.rowCount() - offset;
            if (maxRows > 0) {
                count = (int) Math.min(count, maxRows - sent);
            }
            if (columns.isPresent()) {
                out.sendRows(batch, offset, offset + count, types, formats);
            }
            offset += count;
            sent += count;
        }
    }

    String commandTag() {
        return result.commandTag();
    }

    /** Sends the notices the statement raised so far as NoticeResponses. */
    void sendNotices(BackendWriter out) {
        for (String line : result.drainNotices()) {
            out.send(BackendMessage.NoticeResponse.of(line));
        }
    }

    @Override
    public void close() {
        result.close();
    }
}
