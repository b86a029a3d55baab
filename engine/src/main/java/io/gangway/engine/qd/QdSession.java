package io.gangway.engine.qd;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Column;
import io.gangway.api.Settings;
import io.gangway.api.SqlType;
import io.gangway.api.settings.StandardSettings;
import io.gangway.engine.config.EngineSettings;
import io.gangway.engine.exec.CancelState;
import io.gangway.engine.session.ClientSession;
import io.gangway.engine.session.PreparedQuery;
import io.gangway.engine.session.QueryResult;
import io.gangway.engine.rewriter.StoredViewDefinitions;
import io.gangway.spi.analyzer.AnalyzerContext;
import io.gangway.spi.ast.CloseCursor;
import io.gangway.spi.ast.CreateTable;
import io.gangway.spi.ast.CreateView;
import io.gangway.spi.ast.DeclareCursor;
import io.gangway.spi.ast.DropTable;
import io.gangway.spi.ast.DropView;
import io.gangway.spi.ast.Explain;
import io.gangway.spi.ast.FetchCursor;
import io.gangway.spi.ast.Insert;
import io.gangway.spi.ast.QueryStatement;
import io.gangway.spi.ast.ResetVariable;
import io.gangway.spi.ast.SetVariable;
import io.gangway.spi.ast.ShowVariable;
import io.gangway.spi.ast.Statement;
import io.gangway.spi.ast.TransactionStatement;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.dispatch.DispatchOptions;
import io.gangway.spi.dispatch.DispatcherSession;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.spi.planner.PlannerContext;
import io.gangway.spi.query.Query;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * A QD: the coordinator session serving one client connection. Parses, analyzes, rewrites and
 * plans each statement and hands it to the class whose job it is: plans to {@link PlanExecution}
 * on the session's gangs (the one running now is the {@link RunningStatement}), DDL to
 * {@link UtilityCommands}, EXPLAIN to {@link ExplainCommand}, cursors to {@link CursorCommands},
 * SET/RESET/SHOW to {@link SettingCommands} over the {@link SessionSettings}, and BEGIN/COMMIT/
 * ROLLBACK to the {@link TransactionBlock}. They see the session only through
 * {@link SessionContext}.
 */
public final class QdSession implements ClientSession, SessionContext {
    private static final System.Logger LOG = System.getLogger(QdSession.class.getName());

    private final CoordinatorServices services;
    private final SessionRegistry registry;
    /** The connection's identity for cancel requests (BackendKeyData); never changes. */
    private final long sessionId;
    /** {@code gp_session_id}: names the session to its QEs and motions; a session reset takes a new one. */
    private volatile long gpSessionId;
    private final List<String> pendingNotices = new ArrayList<>();
    private final int cancelSecret;
    private final SessionSettings sessionSettings;
    private final SettingCommands settingCommands;
    private final UtilityCommands utility = new UtilityCommands(this);
    private final RunningStatement running;
    private final CursorCommands cursors;
    private final TransactionBlock transaction;
    private final ExecutorService localSlices = Executors.newVirtualThreadPerTaskExecutor();
    private volatile @Nullable DispatcherSession dispatcher;
    private long commandCounter;

    QdSession(CoordinatorServices services, SessionRegistry registry, long sessionId, int cancelSecret,
            Map<String, String> startupSettings) {
        this.services = requireNonNull(services, "services is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.sessionId = sessionId;
        this.gpSessionId = sessionId;
        this.cancelSecret = cancelSecret;
        this.sessionSettings = new SessionSettings(services.settingsRegistry(), services.settings(),
                services.settingSources(), startupSettings);
        sessionSettings.override(EngineSettings.GP_SESSION_ID, Long.toString(gpSessionId));
        this.settingCommands = new SettingCommands(sessionSettings, () -> dispatcher, this::dispatcher);
        this.running = new RunningStatement(services.timer());
        this.cursors = new CursorCommands(this, running);
        this.transaction = new TransactionBlock(() -> cursors.closeAll(false));
    }

    @Override
    public CoordinatorServices services() {
        return services;
    }

    @Override
    public DispatcherSession dispatcher() {
        DispatcherSession current = dispatcher;
        if (current == null) {
            current = services.dispatcher().openSession(gpSessionId, this::componentDatabases, settings());
            dispatcher = current;
        }
        return current;
    }

    /** The dispatcher session if the session has dispatched anything yet (for system views, from any thread). */
    @Nullable DispatcherSession dispatcherIfOpen() {
        return dispatcher;
    }

    @Override
    public long gpSessionId() {
        return gpSessionId;
    }

    /** The catalog a statement of this session sees: the current catalog and the session system relations. */
    private SessionCatalog catalog() {
        return new SessionCatalog(services.catalog().snapshot(), registry, sessionSettings);
    }

    /**
     * {@code gp_segment_configuration} as the dispatcher connects to it: the coordinator's row points
     * at its entry-db dispatch listener rather than at the client port it shows to users (Greenplum
     * tells the two apart by startup packet on one port; Gangway listens on two).
     */
    private List<SegmentDescriptor> componentDatabases() {
        return services.catalog().snapshot().segments().stream()
                .map(s -> s.content() == -1
                        ? new SegmentDescriptor(s.dbid(), s.content(), s.role(), s.preferredRole(), s.mode(), s.status(),
                                services.entryDb().port(), s.hostname(), services.entryDb().host(), s.dataDirectory())
                        : s)
                .toList();
    }

    @Override
    public ExecutorService localSliceExecutor() {
        return localSlices;
    }

    @Override
    public TransactionBlock transactionBlock() {
        return transaction;
    }

    @Override
    public Settings settings() {
        return sessionSettings.current();
    }

    /** A setting's value as {@code SHOW} gives it; {@code 42704} for an unknown name. */
    String setting(String name) {
        return sessionSettings.show(name);
    }

    @Override
    public long sessionId() {
        return sessionId;
    }

    @Override
    public int cancelSecret() {
        return cancelSecret;
    }

    @Override
    public char transactionStatus() {
        return transaction.state().wireStatus();
    }

    @Override
    public Map<String, String> reportedSettings() {
        return sessionSettings.reported();
    }

    @Override
    public List<PreparedQuery> prepareAll(String sql) {
        return services.parser().parseAll(sql).stream()
                .map(statement -> new PreparedQuery(sql, statement, List.of(), Optional.empty())).toList();
    }

    @Override
    public PreparedQuery prepare(String sql, List<@Nullable SqlType> parameterTypes) {
        Statement statement = services.parser().parse(sql);
        int count = Math.max(ParameterCounter.highestParameter(statement), parameterTypes.size());
        List<@Nullable SqlType> declared = new ArrayList<>(parameterTypes);
        List<SqlType> reported = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SqlType type = i < declared.size() ? declared.get(i) : null;
            reported.add(type == null ? SqlType.TEXT : type);
        }
        Optional<List<Column>> columns = switch (statement) {
            case QueryStatement q -> Optional.of(analyzeAndRewrite(q,
                    new AnalyzerContext(catalog(), declared, Optional.empty())).resultColumns());
            case Explain e -> Optional.of(List.of(new Column("QUERY PLAN", SqlType.TEXT)));
            case ShowVariable s -> Optional.of(SettingCommands.columns(s.name()));
            case Insert i -> {
                analyzeAndRewrite(i, new AnalyzerContext(catalog(), declared, Optional.empty()));
                yield Optional.empty();
            }
            case CreateTable s -> Optional.empty();
            case DropTable s -> Optional.empty();
            case CreateView s -> Optional.empty();
            case DropView s -> Optional.empty();
            case SetVariable s -> Optional.empty();
            case ResetVariable s -> Optional.empty();
            case TransactionStatement s -> Optional.empty();
            case DeclareCursor s -> Optional.empty();
            case FetchCursor fetch -> cursors.columns(fetch.name());
            case CloseCursor s -> Optional.empty();
        };
        return new PreparedQuery(sql, statement, reported, columns);
    }

    @Override
    public Query analyzeAndRewrite(Statement statement, AnalyzerContext context) {
        Query query = services.analyzer().analyze(statement, context);
        return services.rewriter().rewrite(query,
                StoredViewDefinitions.context(services.parser(), services.analyzer(), context.catalog()));
    }

    @Override
    public QueryResult execute(PreparedQuery query, List<@Nullable Object> parameters) {
        return execute(query, parameters, DispatchOptions.DEFAULT);
    }

    @Override
    public QueryResult executeCursor(PreparedQuery query, List<@Nullable Object> parameters) {
        return execute(query, parameters, DispatchOptions.DEFAULT.withCursor(query.statement() instanceof QueryStatement));
    }

    private QueryResult execute(PreparedQuery query, List<@Nullable Object> parameters, DispatchOptions options) {
        Statement statement = query.statement();
        transaction.checkMayRun(statement);
        DispatcherSession current = dispatcher;
        if (transaction.isIdle() && current != null) {
            // A transaction starts: take the cluster's new configuration if it changed (no temp tables or
            // distributed transactions exist yet that a refresh could strand).
            current.refreshComponents(true);
        }
        try {
            QueryResult result = run(statement, new AnalyzerContext(catalog(),
                    query.parameterTypes().stream().map(t -> (SqlType) t).toList(), Optional.of(parameters)), options);
            return new SessionResult(result, takePendingNotices(), this::failed);
        } catch (RuntimeException e) {
            failed();
            throw e;
        }
    }

    private List<String> takePendingNotices() {
        List<String> notices = List.copyOf(pendingNotices);
        pendingNotices.clear();
        return notices;
    }

    private void failed() {
        transaction.statementFailed();
        DispatcherSession current = dispatcher;
        if (current != null) {
            current.abortOpenStatements();
            if (current.writerLost()) {
                resetSession(current);
            }
        }
    }

    /**
     * Greenplum's session reset: a lost writer QE took the session's state on its segment with it,
     * so every QE is let go and the session continues under a new {@code gp_session_id}.
     */
    private void resetSession(DispatcherSession lost) {
        long previous = gpSessionId;
        dispatcher = null;
        try {
            lost.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the dispatcher of reset session " + previous + " failed", e);
        }
        gpSessionId = registry.nextSessionId();
        sessionSettings.override(EngineSettings.GP_SESSION_ID, Long.toString(gpSessionId));
        pendingNotices.add("WARNING:  The previous session was reset because its gang was disconnected (session id = "
                + previous + "). The new session id = " + gpSessionId);
        LOG.log(System.Logger.Level.INFO, "session {0} reset as {1}: its writer gang was lost", previous, gpSessionId);
    }

    private QueryResult run(Statement statement, AnalyzerContext context, DispatchOptions options) {
        return switch (statement) {
            case QueryStatement q -> start(plan(q, context), options);
            case Insert insert -> {
                transaction.refuseWrite("INSERT");
                yield start(plan(insert, context), DispatchOptions.DEFAULT);
            }
            case Explain explain -> ExplainCommand.run(explain, context, this);
            case CreateTable create -> {
                transaction.refuseWrite("CREATE TABLE");
                yield utility.createTable(create);
            }
            case DropTable drop -> {
                transaction.refuseWrite("DROP TABLE");
                yield utility.dropTable(drop);
            }
            case CreateView create -> {
                transaction.refuseWrite("CREATE VIEW");
                yield utility.createView(create);
            }
            case DropView drop -> {
                transaction.refuseWrite("DROP VIEW");
                yield utility.dropView(drop);
            }
            case SetVariable set -> settingCommands.set(set);
            case ShowVariable show -> settingCommands.show(show.name());
            case ResetVariable reset -> settingCommands.reset(reset.name());
            case TransactionStatement tx -> transaction.run(tx);
            case DeclareCursor declare -> cursors.declare(declare, context);
            case FetchCursor fetch -> cursors.fetch(fetch);
            case CloseCursor close -> cursors.close(close);
        };
    }

    @Override
    public PlannedStatement plan(Statement statement, AnalyzerContext context) {
        Query query = analyzeAndRewrite(statement, context);
        return services.planner().plan(query, new PlannerContext(context.catalog(), settings()));
    }

    @Override
    public PlanExecution start(PlannedStatement plan, DispatchOptions options) {
        PlanExecution execution = new PlanExecution(this, plan, new CancelState(), options);
        // Registered before dispatch: a cancel request or the timeout may come while gangs are being made.
        // A cursor stays open between the client's fetches; the timeout is for statements, not for open cursors.
        running.started(execution, options.cursor() ? Duration.ZERO : settings().getDuration(StandardSettings.STATEMENT_TIMEOUT));
        execution.start(++commandCounter);
        return execution;
    }

    @Override
    public PlanExecution startCursor(PlannedStatement plan) {
        PlanExecution execution = new PlanExecution(this, plan, new CancelState(), DispatchOptions.DEFAULT.withCursor(true));
        execution.start(++commandCounter);
        return execution;
    }

    @Override
    public void statementEnded(PlanExecution execution) {
        running.ended(execution);
    }

    @Override
    public void cancel() {
        running.cancel(CancelState.USER_REQUEST);
    }

    @Override
    public void close() {
        registry.unregister(this);
        cancel();
        cursors.closeAll(true);
        DispatcherSession current = dispatcher;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "closing the dispatcher of session " + sessionId + " failed", e);
            }
        }
        localSlices.shutdownNow();
    }
}
