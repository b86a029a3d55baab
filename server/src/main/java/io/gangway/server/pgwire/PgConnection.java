package io.gangway.server.pgwire;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.engine.session.ClientSession;
import io.gangway.engine.session.PreparedQuery;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One client connection's protocol state machine, run on the connection's own thread (messages in
 * arrival order), never on the event loop.
 *
 * <pre>
 * client                                   server
 *   SSLRequest | GSSENCRequest  ─────────▶  'N' (no encryption; the client goes on in clear)
 *   CancelRequest(pid, secret)  ─────────▶  cancel that session's statement, close
 *   StartupMessage(3.0, params) ─────────▶  authenticate (trust: at once; others: challenge ◀▶ 'p')
 *                                           factory.open(params)
 *                               ◀─────────  AuthenticationOk, ParameterStatus*, BackendKeyData,
 *                                           ReadyForQuery
 *   Query(sql)                  ─────────▶  per statement: RowDescription, DataRow*, CommandComplete
 *                               ◀─────────  (ErrorResponse stops the rest) ReadyForQuery
 *   Parse/Bind/Describe/Execute ─────────▶  see {@link ExtendedQuery}; after an error, everything up
 *   Sync                        ◀─────────  to the next Sync is discarded; ReadyForQuery
 *   Terminate                   ─────────▶  session.close()
 * </pre>
 */
final class PgConnection {
    private static final Logger LOG = System.getLogger(PgConnection.class.getName());

    private enum Phase { STARTUP, AUTHENTICATING, READY, CLOSED }

    private final BackendWriter out;
    private final PgSessionFactory factory;
    private final PgAuthenticator authenticator;
    private final PgSessionRegistry registry;
    private Phase phase = Phase.STARTUP;
    private @Nullable StartupParameters startup;
    private PgAuthenticator.@Nullable Responder responder;
    private volatile @Nullable ClientSession session;
    private @Nullable ExtendedQuery extended;
    /** The reported settings as the client was last told them (ParameterStatus). */
    private final Map<String, String> reported = new HashMap<>();
    /** After an error in extended query: discard messages until Sync. */
    private boolean skipToSync;
    private volatile boolean busy;

    PgConnection(BackendWriter out, PgSessionFactory factory, PgAuthenticator authenticator, PgSessionRegistry registry) {
        this.out = out;
        this.factory = factory;
        this.authenticator = authenticator;
        this.registry = registry;
    }

    /** Handles one message; called on the connection's thread, one message at a time. */
    void handle(FrontendMessage message) {
        if (phase == Phase.CLOSED) {
            return;
        }
        busy = true;
        try {
            if (phase == Phase.READY) {
                handleReady(message);
            } else {
                handleStartup(message);
            }
        } finally {
            busy = false;
        }
    }

    /** The client went away: stop the running statement now (from the event loop). */
    void cancelRunning() {
        ClientSession running = session;
        if (running != null && busy) {
            Thread.ofVirtual().name("pgwire-cancel").start(running::cancel);
        }
    }

    /** Ends the session and closes the connection; idempotent. */
    void close() {
        try {
            endSession();
        } finally {
            out.close();
        }
    }

    private void endSession() {
        if (phase == Phase.CLOSED) {
            return;
        }
        phase = Phase.CLOSED;
        ClientSession open = session;
        try {
            if (extended != null) {
                extended.closeAll();
            }
        } finally {
            if (open != null) {
                registry.unregister(open);
                open.close();
            }
        }
    }

    private void handleStartup(FrontendMessage message) {
        try {
            switch (message) {
                case FrontendMessage.SslRequest _, FrontendMessage.GssEncRequest _ -> {
                    out.send(new BackendMessage.EncryptionResponse(PgMessageType.ENCRYPTION_REFUSED));
                    out.flush();
                }
                case FrontendMessage.CancelRequest cancel -> {
                    registry.cancel(cancel.processId(), cancel.secret());
                    close();
                }
                case FrontendMessage.Startup startupMessage -> startup(startupMessage);
                case FrontendMessage.Password password -> password(password);
                case FrontendMessage.Terminate _ -> close();
                case FrontendMessage.Query _, FrontendMessage.Parse _, FrontendMessage.Bind _,
                        FrontendMessage.Describe _, FrontendMessage.Execute _, FrontendMessage.Close _,
                        FrontendMessage.Sync _, FrontendMessage.Flush _, FrontendMessage.CopyMessage _,
                        FrontendMessage.Unsupported _ ->
                    throw new SqlException(SqlState.PROTOCOL_VIOLATION, "expected password response, got "
                            + message.getClass().getSimpleName() + " message");
            }
        } catch (RuntimeException e) {
            fatal(e);
        }
    }

    private void startup(FrontendMessage.Startup message) {
        if (message.majorVersion() != 3) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "unsupported frontend protocol "
                    + message.majorVersion() + "." + message.minorVersion() + ": server supports 3.0 to 3.0");
        }
        // "_pq_." parameters are protocol extensions we do not know: NegotiateProtocolVersion lists them
        List<String> protocolOptions = message.parameters().keySet().stream()
                .filter(name -> name.startsWith("_pq_.")).sorted().toList();
        if (message.minorVersion() > 0 || !protocolOptions.isEmpty()) {
            out.send(new BackendMessage.NegotiateProtocolVersion(0, protocolOptions));
        }
        startup = StartupParameters.of(message.parameters());
        advance(authenticator.begin(startup));
    }

    private void password(FrontendMessage.Password message) {
        PgAuthenticator.Responder current = responder;
        if (phase != Phase.AUTHENTICATING || current == null) {
            throw new SqlException(SqlState.PROTOCOL_VIOLATION, "unexpected password message");
        }
        advance(current.respond(message.body()));
    }

    private void advance(PgAuthenticator.AuthStep step) {
        switch (step) {
            case PgAuthenticator.AuthStep.Authenticated _ -> openSession();
            case PgAuthenticator.AuthStep.Challenge challenge -> {
                phase = Phase.AUTHENTICATING;
                responder = challenge.next();
                out.send(challenge.request());
                out.flush();
            }
        }
    }

    private void openSession() {
        StartupParameters parameters = startup;
        if (parameters == null) {
            throw new IllegalStateException("no startup parameters");
        }
        ClientSession opened = factory.open(parameters);
        session = opened;
        registry.register(opened);
        extended = new ExtendedQuery(opened, out);
        responder = null;
        phase = Phase.READY;
        out.send(new BackendMessage.AuthenticationOk());
        reportChangedSettings(opened);
        out.send(new BackendMessage.BackendKeyData(PgSessionRegistry.processId(opened), opened.cancelSecret()));
        readyForQuery(opened);
        LOG.log(Level.DEBUG, "session {0} opened for user {1}", opened.sessionId(), parameters.user());
    }

    private void handleReady(FrontendMessage message) {
        ClientSession current = session;
        ExtendedQuery ext = extended;
        if (current == null || ext == null) {
            throw new IllegalStateException("ready without a session");
        }
        switch (message) {
            case FrontendMessage.Sync _ -> {
                skipToSync = false;
                try {
                    ext.sync();
                } catch (RuntimeException e) {
                    sendError(e);
                }
                readyForQuery(current);
            }
            case FrontendMessage.Terminate _ -> close();
            case FrontendMessage.CopyMessage _ -> {
                // outside COPY, PostgreSQL accepts and ignores CopyData, CopyDone and CopyFail
            }
            case FrontendMessage.Unsupported unsupported -> unsupported(current, unsupported.type());
            case FrontendMessage.SslRequest _, FrontendMessage.GssEncRequest _, FrontendMessage.CancelRequest _,
                    FrontendMessage.Startup _, FrontendMessage.Password _ ->
                    fatal(new SqlException(SqlState.PROTOCOL_VIOLATION, "unexpected "
                            + message.getClass().getSimpleName() + " message after startup"));
            case FrontendMessage.Query query -> {
                if (!skipToSync) {
                    simpleQuery(current, ext, query.sql());
                }
            }
            case FrontendMessage.Parse parse -> extendedStep(() -> ext.parse(parse));
            case FrontendMessage.Bind bind -> extendedStep(() -> ext.bind(bind));
            case FrontendMessage.Describe describe -> extendedStep(() -> ext.describe(describe));
            case FrontendMessage.Execute execute -> extendedStep(() -> ext.execute(execute));
            case FrontendMessage.Close closeMessage -> extendedStep(() -> ext.close(closeMessage));
            case FrontendMessage.Flush _ -> extendedStep(out::flush);
        }
    }

    private void extendedStep(Runnable step) {
        if (skipToSync) {
            return; // PostgreSQL discards extended-query messages after an error, up to Sync
        }
        try {
            step.run();
        } catch (RuntimeException e) {
            skipToSync = true;
            sendError(e);
        }
    }

    private void simpleQuery(ClientSession current, ExtendedQuery ext, String sql) {
        ext.dropUnnamed();
        try {
            List<PreparedQuery> queries = current.prepareAll(sql);
            if (queries.isEmpty()) {
                out.send(new BackendMessage.EmptyQueryResponse());
            }
            for (PreparedQuery query : queries) {
                runSimple(current, query);
            }
        } catch (RuntimeException e) {
            sendError(e);
        }
        readyForQuery(current);
    }

    private void runSimple(ClientSession current, PreparedQuery query) {
        if (!query.parameterTypes().isEmpty()) {
            throw new SqlException(SqlState.UNDEFINED_PARAMETER, "there is no parameter $1");
        }
        try (ResultCursor cursor = new ResultCursor(current.execute(query, List.of()))) {
            try {
                cursor.columns().ifPresent(columns ->
                        out.send(new BackendMessage.RowDescription(columns, FormatCodes.TEXT)));
                cursor.send(out, FormatCodes.TEXT, 0);
            } finally {
                cursor.sendNotices(out);
            }
            out.send(new BackendMessage.CommandComplete(cursor.commandTag()));
        }
    }

    private void unsupported(ClientSession current, byte type) {
        if (type == PgMessageType.FUNCTION_CALL_REQUEST) {
            sendError(new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "function call messages are not supported"));
            readyForQuery(current);
            return;
        }
        fatal(new SqlException(SqlState.PROTOCOL_VIOLATION, "invalid frontend message type " + type));
    }

    private void readyForQuery(ClientSession current) {
        reportChangedSettings(current);
        out.send(new BackendMessage.ReadyForQuery(current.transactionStatus()));
        out.flush();
    }

    /**
     * ParameterStatus for every reported setting ({@code GUC_REPORT} in PostgreSQL: {@code DateStyle},
     * {@code TimeZone}, {@code application_name}, …) whose value the client has not been told yet: all
     * of them at startup, and after a statement those a {@code SET} or {@code RESET} changed, as
     * PostgreSQL does, so that drivers tracking them (pgjdbc's {@code getParameterStatus}) stay right.
     */
    private void reportChangedSettings(ClientSession current) {
        for (Map.Entry<String, String> setting : current.reportedSettings().entrySet()) {
            if (!setting.getValue().equals(reported.put(setting.getKey(), setting.getValue()))) {
                out.send(new BackendMessage.ParameterStatus(setting.getKey(), setting.getValue()));
            }
        }
    }

    private void sendError(RuntimeException e) {
        out.send(BackendMessage.ErrorResponse.error(report(e)));
    }

    private void fatal(RuntimeException e) {
        out.sendAndClose(BackendMessage.ErrorResponse.fatal(report(e)));
        endSession();
    }

    /** The error for the client; one that is not a SqlException is a bug somewhere, so it is logged. */
    private static SqlException report(RuntimeException e) {
        SqlException error = SqlException.of(e);
        if (error != e) {
            LOG.log(Level.WARNING, "internal error", e);
        }
        return error;
    }
}
