package io.gangway.engine.qd;

import io.gangway.api.Settings;
import io.gangway.spi.analyzer.AnalyzerContext;
import io.gangway.spi.ast.Statement;
import io.gangway.spi.dispatch.DispatchOptions;
import io.gangway.spi.dispatch.DispatcherSession;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.spi.query.Query;
import java.util.concurrent.ExecutorService;

/**
 * The narrow face a QD session shows the commands it runs ({@link UtilityCommands},
 * {@link ExplainCommand}, {@link CursorCommands}) and the plans in flight ({@link PlanExecution}):
 * what they may ask of the session, and nothing of its connection-level state.
 *
 * <p>Used on the session's thread, except where a method says otherwise.
 */
interface SessionContext {
    CoordinatorServices services();

    /** The session's dispatcher session, opened on first use. */
    DispatcherSession dispatcher();

    /** The session's settings now: the process's under the client's and the session's own changes. */
    Settings settings();

    /** {@code gp_session_id}: names the session to its QEs and motions. Any thread. */
    long gpSessionId();

    /** Where the QD's own sending slices run. */
    ExecutorService localSliceExecutor();

    TransactionBlock transactionBlock();

    /** The statement through the configured analyzer and rewriter. */
    Query analyzeAndRewrite(Statement statement, AnalyzerContext context);

    /** The statement analyzed, rewritten and planned with the session's settings. */
    PlannedStatement plan(Statement statement, AnalyzerContext context);

    /**
     * Starts a plan as the session's running statement: a cancel request stops it until it ends, and
     * so does {@code statement_timeout} unless it is a portal's cursor (open between the client's
     * fetches).
     */
    PlanExecution start(PlannedStatement plan, DispatchOptions options);

    /**
     * Starts a {@code DECLARE}d cursor's plan on reader gangs of its own: it runs until CLOSE, so it
     * is not the running statement (a FETCH makes it that while it fetches) and has no timeout.
     */
    PlanExecution startCursor(PlannedStatement plan);

    /** Called by a plan execution when it ends, either way. Any thread. */
    void statementEnded(PlanExecution execution);
}
