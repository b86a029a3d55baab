package io.gangway.server.pgwire;

import io.gangway.engine.session.ClientSession;

/**
 * Opens the engine session of a new client connection, once the client has authenticated. Called
 * once per connection, on that connection's own thread (never an event loop), so it may block.
 */
@FunctionalInterface
public interface PgSessionFactory {
    /**
     * A new session for this client. Throws {@link io.gangway.api.SqlException} to refuse the
     * connection ({@code 57P03} cannot connect now, {@code 28000}, {@code 3D000}, …): the client gets
     * an ErrorResponse with severity FATAL and the connection is closed.
     */
    ClientSession open(StartupParameters parameters);
}
