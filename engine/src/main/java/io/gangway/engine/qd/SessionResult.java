package io.gangway.engine.qd;

import io.gangway.api.Batch;
import io.gangway.api.Column;
import io.gangway.engine.session.QueryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A statement's result as the client sees it: rows that fail mid-way mark the transaction block
 * failed (as an error at execute would), and notices the session owes the client come first.
 */
final class SessionResult implements QueryResult {
    private final QueryResult delegate;
    private final List<String> notices;
    private final Runnable failed;

    /** @param failed what the session does when a statement fails (block failed, open statements aborted) */
    SessionResult(QueryResult delegate, List<String> notices, Runnable failed) {
        this.delegate = delegate;
        this.notices = new ArrayList<>(notices);
        this.failed = failed;
    }

    @Override
    public Optional<List<Column>> columns() {
        return delegate.columns();
    }

    @Override
    public Optional<Batch> nextBatch() {
        try {
            return delegate.nextBatch();
        } catch (RuntimeException e) {
            failed.run();
            throw e;
        }
    }

    @Override
    public String commandTag() {
        return delegate.commandTag();
    }

    @Override
    public List<String> drainNotices() {
        List<String> out = new ArrayList<>(notices);
        notices.clear();
        out.addAll(delegate.drainNotices());
        return out;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
