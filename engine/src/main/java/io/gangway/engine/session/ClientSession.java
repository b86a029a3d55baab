package io.gangway.engine.session;

import io.gangway.api.SqlType;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A QD session as the client protocol sees it: one per client connection, used by one thread at a
 * time (the connection's), except {@link #cancel()}.
 *
 * <p>Simple query: {@link #prepareAll} the text, then {@link #execute} each statement in turn with
 * no parameters, stopping at the first error. Extended query: {@link #prepare} at Parse (Describe
 * reads its {@link PreparedQuery}), {@link #execute} at Bind/Execute with the bound values.
 *
 * <p>Errors are {@link io.gangway.api.SqlException}s; after one the session stays usable (inside an
 * explicit transaction block it refuses further statements with {@code 25P02} until ROLLBACK).
 */
public interface ClientSession extends AutoCloseable {
    /** Parses and checks the statements of a simple-query text (empty text gives an empty list). */
    List<PreparedQuery> prepareAll(String sql);

    /**
     * Parses one statement for the extended protocol. {@code parameterTypes} are the types the client
     * declared ({@code null} entries, or fewer entries than parameters, for types to infer).
     */
    PreparedQuery prepare(String sql, List<@Nullable SqlType> parameterTypes);

    /**
     * Runs a prepared statement with these parameter values (Java values of the parameter types, null
     * for SQL NULL). Rows are pulled from the result; the statement is finished once the result is
     * drained or closed.
     */
    QueryResult execute(PreparedQuery query, List<@Nullable Object> parameters);

    /**
     * Runs a prepared statement for a portal the client reads in parts (an Execute with a row limit,
     * as pgjdbc's fetch size does): a cursor. Its rows may be read across other statements of the
     * session, so its gangs are made of reader QEs only and the session's writer stays free, as in
     * Greenplum. The default runs it as an ordinary statement.
     */
    default QueryResult executeCursor(PreparedQuery query, List<@Nullable Object> parameters) {
        return execute(query, parameters);
    }

    /** Cancels the running statement, from any thread (a client's CancelRequest). */
    void cancel();

    /** {@code I} idle, {@code T} in a transaction block, {@code E} in a failed transaction block (ReadyForQuery's status). */
    char transactionStatus();

    /** Settings to report to the client as ParameterStatus at startup ({@code server_version}, …). */
    Map<String, String> reportedSettings();

    /** The session id ({@code gp_session_id}), also the BackendKeyData process id. */
    long sessionId();

    /** The secret a CancelRequest must carry to cancel this session. */
    int cancelSecret();

    @Override
    void close();
}
