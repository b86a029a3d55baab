package io.gangway.engine.qd;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Column;
import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A QD: the coordinator session serving one client connection. Parses, analyzes, rewrites and
 * plans each statement, runs DDL through {@link UtilityCommands}, and runs plans through
 * {@link PlanExecution} on the session's gangs.
 *
 * <p>Transactions: statements commit one by one (each segment commits its part when its slice
 * ends). A {@code BEGIN} block is accepted for reads; a write inside one is refused with
 * {@code 0A000} until distributed transactions exist, rather than pretending to be atomic.
 */
public final class QdSession implements ClientSession {
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
    private final UtilityCommands utility = new UtilityCommands(this);
    private final Cursors cursors = new Cursors();
    private final ExecutorService localSlices = Executors.newVirtualThreadPerTaskExecutor();
    private volatile DispatcherSession dispatcher;
    private long commandCounter;
    private char transactionStatus = 'I';
    private volatile PlanExecution running;
    private volatile ScheduledFuture<?> timeout;

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
    }

    CoordinatorServices services() {
        return services;
    }

    DispatcherSession dispatcher() {
        if (dispatcher == null) {
            dispatcher = services.dispatcher().openSession(gpSessionId, this::componentDatabases, settings());
        }
        return dispatcher;
    }

    /** The dispatcher session if the session has dispatched anything yet (for system views, from any thread). */
    DispatcherSession dispatcherIfOpen() {
        return dispatcher;
    }

    long gpSessionId() {
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

    ExecutorService localSliceExecutor() {
        return localSlices;
    }

    /** The session's settings: process settings under the client's and the session's own changes. */
    Settings settings() {
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
        return transactionStatus;
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
            case ShowVariable s -> Optional.of(showColumns(s.name()));
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

    Query analyzeAndRewrite(Statement statement, AnalyzerContext context) {
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
        if (transactionStatus == 'E' && !(statement instanceof TransactionStatement)) {
            throw new SqlException(SqlState.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
        if (transactionStatus == 'I' && dispatcher != null) {
            // A transaction starts: take the cluster's new configuration if it changed (no temp tables or
            // distributed transactions exist yet that a refresh could strand).
            dispatcher.refreshComponents(true);
        }
        try {
            QueryResult result = run(statement, new AnalyzerContext(catalog(),
                    query.parameterTypes().stream().map(t -> (SqlType) t).toList(), Optional.of(parameters)), options);
            return new SessionResult(result, takePendingNotices());
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
        if (transactionStatus == 'T') {
            transactionStatus = 'E';
        }
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
            case QueryStatement q -> startPlan(q, context, options);
            case Insert insert -> {
                refuseWriteInBlock("INSERT");
                yield startPlan(insert, context, DispatchOptions.DEFAULT);
            }
            case Explain explain -> explain(explain, context);
            case CreateTable create -> {
                refuseWriteInBlock("CREATE TABLE");
                yield utility.createTable(create);
            }
            case DropTable drop -> {
                refuseWriteInBlock("DROP TABLE");
                yield utility.dropTable(drop);
            }
            case CreateView create -> {
                refuseWriteInBlock("CREATE VIEW");
                yield utility.createView(create);
            }
            case DropView drop -> {
                refuseWriteInBlock("DROP VIEW");
                yield utility.dropView(drop);
            }
            case SetVariable set -> set(set);
            case ShowVariable show -> show(show.name());
            case ResetVariable reset -> reset(reset.name());
            case TransactionStatement tx -> transaction(tx);
            case DeclareCursor declare -> declareCursor(declare, context);
            case FetchCursor fetch -> fetch(fetch);
            case CloseCursor close -> {
                if (close.name().isPresent()) {
                    cursors.close(close.name().get());
                } else {
                    cursors.closeAll(true);
                }
                yield Results.tag("CLOSE CURSOR");
            }
        };
    }

    private void refuseWriteInBlock(String what) {
        if (transactionStatus != 'I') {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                    what + " inside a transaction block is not supported yet: Gangway commits each write statement on its own");
        }
    }

    private PlannedStatement plan(Statement statement, AnalyzerContext context) {
        Query query = analyzeAndRewrite(statement, context);
        return services.planner().plan(query, new PlannerContext(context.catalog(), settings()));
    }

    private QueryResult startPlan(Statement statement, AnalyzerContext context, DispatchOptions options) {
        PlannedStatement plan = plan(statement, context);
        PlanExecution execution = new PlanExecution(this, plan, new CancelState(), options);
        // Registered before dispatch: a cancel request or the timeout may come while gangs are being made.
        running = execution;
        Duration limit = settings().getDuration(StandardSettings.STATEMENT_TIMEOUT);
        // A cursor stays open between the client's fetches; the timeout is for statements, not for open cursors.
        if (!limit.isZero() && !options.cursor()) {
            timeout = services.timer().schedule(() -> execution.cancel("canceling statement due to statement timeout"),
                    limit.toMillis(), TimeUnit.MILLISECONDS);
        }
        execution.start(++commandCounter);
        return execution;
    }

    /** {@code DECLARE … CURSOR}: the query starts now, on reader gangs of its own, and waits for FETCH. */
    private QueryResult declareCursor(DeclareCursor declare, AnalyzerContext context) {
        if (!declare.withHold() && transactionStatus == 'I') {
            throw new SqlException(SqlState.NO_ACTIVE_SQL_TRANSACTION, "DECLARE CURSOR can only be used in transaction blocks");
        }
        if (cursors.columns(declare.name()).isPresent()) {
            throw new SqlException(SqlState.DUPLICATE_CURSOR, "cursor \"" + declare.name() + "\" already exists");
        }
        PlannedStatement plan = plan(new QueryStatement(declare.query()), context);
        PlanExecution execution = new PlanExecution(this, plan, new CancelState(), DispatchOptions.DEFAULT.withCursor(true));
        execution.start(++commandCounter);
        cursors.declare(declare.name(), execution, plan.resultColumns(), declare.withHold());
        return Results.tag("DECLARE CURSOR");
    }

    private QueryResult fetch(FetchCursor fetch) {
        Cursors.Cursor cursor = cursors.get(fetch.name());
        // While it fetches, the cursor's plan is what a cancel request stops.
        running = cursor.execution;
        try {
            return Cursors.result(cursor, cursor.fetch(fetch.count()));
        } catch (RuntimeException e) {
            cursors.forget(fetch.name());
            throw e;
        } finally {
            if (running == cursor.execution) {
                running = null;
            }
        }
    }

    /** Called by a plan execution when it ends, either way. */
    void statementEnded(PlanExecution execution) {
        if (running == execution) {
            running = null;
            ScheduledFuture<?> pending = timeout;
            if (pending != null) {
                pending.cancel(false);
                timeout = null;
            }
        }
    }

    private QueryResult explain(Explain explain, AnalyzerContext context) {
        Statement inner = explain.statement();
        if (!(inner instanceof QueryStatement || inner instanceof Insert)) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "EXPLAIN supports SELECT, VALUES and INSERT");
        }
        PlannedStatement plan = plan(inner, context);
        List<List<Object>> rows = new ArrayList<>();
        services.planner().explain(plan, explain.verbose()).forEach(line -> rows.add(List.of(line)));
        if (explain.analyze()) {
            refuseWriteInBlock("EXPLAIN ANALYZE");
            long start = System.nanoTime();
            try (QueryResult result = startPlan(inner, context, DispatchOptions.DEFAULT)) {
                long count = 0;
                while (true) {
                    var batch = result.nextBatch();
                    if (batch.isEmpty()) {
                        break;
                    }
                    count += batch.get().rowCount();
                }
                rows.add(List.of("Rows: " + (plan.command() == PlannedStatement.Command.INSERT
                        ? result.commandTag().substring("INSERT 0 ".length()) : Long.toString(count))));
            }
            rows.add(List.of(String.format(Locale.ROOT, "Execution Time: %.3f ms", (System.nanoTime() - start) / 1e6)));
        }
        return Results.rows(List.of(new Column("QUERY PLAN", SqlType.TEXT)), rows, "EXPLAIN");
    }

    private QueryResult set(SetVariable set) {
        applyToQes(set.toDefault() ? sessionSettings.reset(set.name()) : sessionSettings.set(set.name(), set.value()));
        return Results.tag("SET");
    }

    private QueryResult reset(String name) {
        applyToQes(name.equalsIgnoreCase("all") ? sessionSettings.resetAll() : sessionSettings.reset(name));
        return Results.tag("RESET");
    }

    /** Session settings changed: the session's QEs (and the dispatcher's own view) take the change. */
    private void applyToQes(Map<String, String> changed) {
        if (dispatcher != null && !changed.isEmpty()) {
            dispatcher.applySettings(changed);
        }
    }

    private static List<Column> showColumns(String name) {
        return name.equalsIgnoreCase("all")
                ? List.of(new Column("name", SqlType.TEXT), new Column("setting", SqlType.TEXT),
                        new Column("description", SqlType.TEXT))
                : List.of(new Column(name.toLowerCase(Locale.ROOT), SqlType.TEXT));
    }

    private QueryResult show(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        List<List<Object>> rows = new ArrayList<>();
        if (key.equals("all")) {
            rows.addAll(sessionSettings.showAll());
        } else {
            rows.add(List.of(dispatchStatistic(key).orElseGet(() -> setting(key))));
        }
        return Results.rows(showColumns(key), rows, "SHOW");
    }

    /**
     * The session's QE counters, readable as {@code SHOW gp_qes_created} (QE connections made),
     * {@code gp_qes_reused} (gang members served by an idle QE) and {@code gp_qes_destroyed}.
     */
    private Optional<String> dispatchStatistic(String key) {
        return switch (key) {
            case "gp_qes_created" -> Optional.of(Long.toString(dispatcher().stats().qesCreated()));
            case "gp_qes_reused" -> Optional.of(Long.toString(dispatcher().stats().qesReused()));
            case "gp_qes_destroyed" -> Optional.of(Long.toString(dispatcher().stats().qesDestroyed()));
            default -> Optional.empty();
        };
    }

    private QueryResult transaction(TransactionStatement tx) {
        return switch (tx.kind()) {
            case BEGIN -> {
                List<String> notices = transactionStatus == 'I' ? List.of()
                        : List.of("WARNING: there is already a transaction in progress");
                if (transactionStatus == 'I') {
                    transactionStatus = 'T';
                }
                yield Results.tag("BEGIN", notices);
            }
            case COMMIT -> {
                cursors.closeAll(false);
                boolean aborted = transactionStatus == 'E';
                List<String> notices = transactionStatus == 'I'
                        ? List.of("WARNING: there is no transaction in progress") : List.of();
                transactionStatus = 'I';
                yield Results.tag(aborted ? "ROLLBACK" : "COMMIT", notices);
            }
            case ROLLBACK -> {
                cursors.closeAll(false);
                List<String> notices = transactionStatus == 'I'
                        ? List.of("WARNING: there is no transaction in progress") : List.of();
                transactionStatus = 'I';
                yield Results.tag("ROLLBACK", notices);
            }
        };
    }

    @Override
    public void cancel() {
        PlanExecution execution = running;
        if (execution != null) {
            execution.cancel(CancelState.USER_REQUEST);
        }
    }

    @Override
    public void close() {
        registry.unregister(this);
        cancel();
        cursors.closeAll(true);
        if (dispatcher != null) {
            try {
                dispatcher.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "closing the dispatcher of session " + sessionId + " failed", e);
            }
        }
        localSlices.shutdownNow();
    }

    /**
     * A statement's result as the client sees it: rows that fail mid-way mark the transaction block
     * failed (as an error at execute would), and notices the session owes the client come first.
     */
    private final class SessionResult implements QueryResult {
        private final QueryResult delegate;
        private final List<String> notices;

        SessionResult(QueryResult delegate, List<String> notices) {
            this.delegate = delegate;
            this.notices = new ArrayList<>(notices);
        }

        @Override
        public Optional<List<Column>> columns() {
            return delegate.columns();
        }

        @Override
        public Optional<io.gangway.api.Batch> nextBatch() {
            try {
                return delegate.nextBatch();
            } catch (RuntimeException e) {
                failed();
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
}
