package io.gangway.server.pgwire;

import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.engine.session.ClientSession;
import io.gangway.engine.session.PreparedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The extended query protocol of one connection: its prepared statements and portals, and the
 * Parse, Bind, Describe, Execute and Close messages that act on them. Errors are thrown as
 * {@link SqlException}s; {@link PgConnection} reports them and skips to the next Sync.
 *
 * <pre>
 * client                                  server
 *   Parse(name, sql, oids)    ──────────▶  session.prepare           ──▶ ParseComplete
 *   Bind(portal, name, values)──────────▶  decode parameters         ──▶ BindComplete
 *   Describe('P', portal)     ──────────▶                            ──▶ RowDescription | NoData
 *   Execute(portal, maxRows)  ──────────▶  session.execute (1st time)──▶ DataRow* then
 *                                                                        CommandComplete | PortalSuspended
 *   Sync                      ──────────▶                            ──▶ ReadyForQuery
 * </pre>
 */
final class ExtendedQuery {
    private final ClientSession session;
    private final BackendWriter out;
    private final Map<String, NamedStatement> statements = new HashMap<>();
    private final Map<String, Portal> portals = new HashMap<>();

    ExtendedQuery(ClientSession session, BackendWriter out) {
        this.session = session;
        this.out = out;
    }

    void parse(FrontendMessage.Parse parse) {
        String name = parse.name();
        if (name.isEmpty()) {
            statements.remove(name);
        } else if (statements.containsKey(name)) {
            // PostgreSQL says 42P05 duplicate_prepared_statement, which SqlState lacks
            throw new SqlException(SqlState.DUPLICATE_OBJECT, "prepared statement \"" + name + "\" already exists");
        }
        List<@Nullable SqlType> declared = new ArrayList<>(parse.parameterTypes().size());
        for (int oid : parse.parameterTypes()) {
            declared.add(PgValueCodec.declaredType(oid));
        }
        Optional<PreparedQuery> query = isEmptyQuery(parse.sql())
                ? Optional.empty()
                : Optional.of(session.prepare(parse.sql(), declared));
        statements.put(name, new NamedStatement(name, query, parse.parameterTypes()));
        out.send(new BackendMessage.ParseComplete());
    }

    void bind(FrontendMessage.Bind bind) {
        NamedStatement statement = statement(bind.statement());
        String name = bind.portal();
        if (name.isEmpty()) {
            closePortal(name);
        } else if (portals.containsKey(name)) {
            // PostgreSQL says 42P03 duplicate_cursor, which SqlState lacks
            throw new SqlException(SqlState.DUPLICATE_OBJECT, "portal \"" + name + "\" already exists");
        }
        List<SqlType> types = statement.parameterTypes();
        if (bind.values().size() != types.size()) {
            throw new SqlException(SqlState.PROTOCOL_VIOLATION, "bind message supplies " + bind.values().size()
                    + " parameters, but " + statement.displayName() + " requires " + types.size());
        }
        FormatCodes parameterFormats = new FormatCodes(bind.parameterFormats());
        if (!parameterFormats.fits(types.size())) {
            throw new SqlException(SqlState.PROTOCOL_VIOLATION, "bind message has " + parameterFormats.size()
                    + " parameter formats but " + types.size() + " parameters");
        }
        List<@Nullable Object> values = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            values.add(PgValueCodec.decodeParameter(bind.values().get(i), parameterFormats.of(i),
                    statement.declaredOid(i), types.get(i), i));
        }
        List<Column> columns = statement.resultColumns();
        FormatCodes resultFormats = new FormatCodes(bind.resultFormats());
        if (!resultFormats.fits(columns.size())) {
            throw new SqlException(SqlState.PROTOCOL_VIOLATION, "bind message has " + resultFormats.size()
                    + " result formats but query has " + columns.size() + " columns");
        }
        for (int i = 0; i < columns.size(); i++) {
            SqlType type = columns.get(i).type();
            if (resultFormats.of(i) == PgMessageType.FORMAT_BINARY && !PgValueCodec.supportsBinary(type.kind())) {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                        "binary output is not supported for type " + type.displayName());
            }
        }
        portals.put(name, new Portal(name, statement, values, resultFormats));
        out.send(new BackendMessage.BindComplete());
    }

    void describe(FrontendMessage.Describe describe) {
        switch (describe.kind()) {
            case PgMessageType.DESCRIBE_STATEMENT -> {
                NamedStatement statement = statement(describe.name());
                out.send(new BackendMessage.ParameterDescription(statement.parameterOids()));
                describeRows(statement, FormatCodes.TEXT); // formats are not known before Bind
            }
            case PgMessageType.DESCRIBE_PORTAL -> {
                Portal portal = portal(describe.name());
                describeRows(portal.statement(), portal.resultFormats());
            }
            default -> throw new SqlException(SqlState.PROTOCOL_VIOLATION,
                    "invalid DESCRIBE message subtype " + describe.kind());
        }
    }

    void execute(FrontendMessage.Execute execute) {
        Portal portal = portal(execute.portal());
        Optional<PreparedQuery> query = portal.statement().query();
        if (query.isEmpty()) {
            out.send(new BackendMessage.EmptyQueryResponse());
            return;
        }
        if (portal.completedTag().isPresent()) {
            out.send(new BackendMessage.CommandComplete(portal.completedTag().get()));
            return;
        }
        try {
            ResultCursor cursor = portal.cursor();
            if (cursor == null) {
                // A row limit means the client reads the portal in parts, maybe across other statements: a cursor.
                cursor = new ResultCursor(execute.maxRows() > 0
                        ? session.executeCursor(query.get(), portal.parameters())
                        : session.execute(query.get(), portal.parameters()));
                portal.start(cursor);
            }
            boolean done;
            try {
                done = cursor.send(out, portal.resultFormats(), execute.maxRows());
            } finally {
                cursor.sendNotices(out);
            }
            if (done) {
                String tag = cursor.commandTag();
                portal.complete(tag);
                out.send(new BackendMessage.CommandComplete(tag));
            } else {
                out.send(new BackendMessage.PortalSuspended());
            }
        } catch (RuntimeException e) {
            // a failed portal cannot run again: drop it with its result
            closePortal(portal.name());
            throw e;
        }
    }

    void close(FrontendMessage.Close close) {
        switch (close.kind()) {
            case PgMessageType.DESCRIBE_STATEMENT -> statements.remove(close.name());
            case PgMessageType.DESCRIBE_PORTAL -> closePortal(close.name());
            default -> throw new SqlException(SqlState.PROTOCOL_VIOLATION,
                    "invalid CLOSE message subtype " + close.kind());
        }
        out.send(new BackendMessage.CloseComplete());
    }

    /** At Sync: outside a transaction block the implicit transaction ends, and its portals with it. */
    void sync() {
        if (session.transactionStatus() == 'I') {
            closePortals();
        }
    }

    /** A simple Query drops the unnamed statement and portal, as PostgreSQL does. */
    void dropUnnamed() {
        statements.remove("");
        closePortal("");
    }

    /** Closes every portal and forgets every statement (connection end). */
    void closeAll() {
        closePortals();
        statements.clear();
    }

    private void closePortals() {
        List<Portal> open = new ArrayList<>(portals.values());
        portals.clear();
        for (Portal portal : open) {
            portal.close();
        }
    }

    private void closePortal(String name) {
        Portal portal = portals.remove(name);
        if (portal != null) {
            portal.close();
        }
    }

    private void describeRows(NamedStatement statement, FormatCodes formats) {
        if (statement.returnsRows()) {
            out.send(new BackendMessage.RowDescription(statement.resultColumns(), formats));
        } else {
            out.send(new BackendMessage.NoData());
        }
    }

    private NamedStatement statement(String name) {
        NamedStatement statement = statements.get(name);
        if (statement == null) {
            throw new SqlException(SqlState.INVALID_SQL_STATEMENT_NAME, name.isEmpty()
                    ? "unnamed prepared statement does not exist"
                    : "prepared statement \"" + name + "\" does not exist");
        }
        return statement;
    }

    private Portal portal(String name) {
        Portal portal = portals.get(name);
        if (portal == null) {
            throw new SqlException(SqlState.INVALID_CURSOR_NAME, "portal \"" + name + "\" does not exist");
        }
        return portal;
    }

    /** An empty query string (only blanks and semicolons): EmptyQueryResponse at Execute, NoData at Describe. */
    static boolean isEmptyQuery(String sql) {
        return sql.chars().allMatch(c -> Character.isWhitespace(c) || c == ';');
    }
}
