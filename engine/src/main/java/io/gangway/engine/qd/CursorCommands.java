package io.gangway.engine.qd;

import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.engine.session.QueryResult;
import io.gangway.spi.analyzer.AnalyzerContext;
import io.gangway.spi.ast.CloseCursor;
import io.gangway.spi.ast.DeclareCursor;
import io.gangway.spi.ast.FetchCursor;
import io.gangway.spi.ast.QueryStatement;
import io.gangway.spi.plan.PlannedStatement;
import java.util.List;
import java.util.Optional;

/**
 * {@code DECLARE … CURSOR}, {@code FETCH} and {@code CLOSE}: a cursor's query starts at DECLARE on
 * reader gangs of its own (never the writer, as Greenplum's cursors) and waits for FETCH; while a
 * FETCH runs, a cancel request stops the cursor's plan. Cursors without HOLD close when the
 * transaction block ends.
 */
final class CursorCommands {
    private final SessionContext session;
    private final RunningStatement running;
    private final Cursors cursors = new Cursors();

    CursorCommands(SessionContext session, RunningStatement running) {
        this.session = session;
        this.running = running;
    }

    QueryResult declare(DeclareCursor declare, AnalyzerContext context) {
        if (!declare.withHold() && session.transactionBlock().isIdle()) {
            throw new SqlException(SqlState.NO_ACTIVE_SQL_TRANSACTION, "DECLARE CURSOR can only be used in transaction blocks");
        }
        if (cursors.columns(declare.name()).isPresent()) {
            throw new SqlException(SqlState.DUPLICATE_CURSOR, "cursor \"" + declare.name() + "\" already exists");
        }
        PlannedStatement plan = session.plan(new QueryStatement(declare.query()), context);
        PlanExecution execution = session.startCursor(plan);
        cursors.declare(declare.name(), execution, plan.resultColumns(), declare.withHold());
        return Results.tag("DECLARE CURSOR");
    }

    QueryResult fetch(FetchCursor fetch) {
        Cursors.Cursor cursor = cursors.get(fetch.name());
        try {
            return running.fetching(cursor.execution, () -> Cursors.result(cursor, cursor.fetch(fetch.count())));
        } catch (RuntimeException e) {
            cursors.forget(fetch.name());
            throw e;
        }
    }

    QueryResult close(CloseCursor close) {
        if (close.name().isPresent()) {
            cursors.close(close.name().get());
        } else {
            cursors.closeAll(true);
        }
        return Results.tag("CLOSE CURSOR");
    }

    /** The columns FETCH from {@code name} returns, for Describe; empty if no such cursor is open. */
    Optional<List<Column>> columns(String name) {
        return cursors.columns(name);
    }

    /** Closes the cursors a transaction block's end closes (those without HOLD), or all of them. */
    void closeAll(boolean holdable) {
        cursors.closeAll(holdable);
    }
}
