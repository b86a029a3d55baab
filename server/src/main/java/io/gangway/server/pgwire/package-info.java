/**
 * The PostgreSQL frontend/backend protocol 3.0 server: the client-facing edge of the coordinator.
 * {@link io.gangway.server.pgwire.PgWireServer} accepts connections; each one gets a
 * {@link io.gangway.engine.session.ClientSession} from a {@link io.gangway.server.pgwire.PgSessionFactory}
 * and speaks the simple and extended query protocols to it. The wire layer never looks inside a
 * statement: it moves text, parameters and result rows between the client and the session.
 */
@NullMarked
package io.gangway.server.pgwire;

import org.jspecify.annotations.NullMarked;
