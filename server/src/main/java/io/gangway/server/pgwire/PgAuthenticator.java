package io.gangway.server.pgwire;

import static java.util.Objects.requireNonNull;

/**
 * How a connection proves who it is, between the StartupMessage and AuthenticationOk. A method is a
 * chain of steps: trust authenticates at once; cleartext, MD5 or SCRAM answer with a
 * {@link AuthStep.Challenge} (an Authentication request message) and check the client's reply
 * (PasswordMessage, SASLInitialResponse, SASLResponse) in its {@link Responder}, which either
 * challenges again or accepts. Refusal is a {@link io.gangway.api.SqlException} ({@code 28P01},
 * {@code 28000}), sent as FATAL before the connection is closed.
 *
 * <p>Called on the connection's own thread, never on an event loop.
 */
@FunctionalInterface
public interface PgAuthenticator {
    /** Trusts every client, as {@code trust} in {@code pg_hba.conf}. */
    PgAuthenticator TRUST = parameters -> new AuthStep.Authenticated();

    /** The first step for a client that sent these startup parameters. */
    AuthStep begin(StartupParameters parameters);

    /** Where an authentication stands. */
    sealed interface AuthStep {
        /** The client is who it says: the server goes on with AuthenticationOk. */
        record Authenticated() implements AuthStep {
        }

        /** Send {@code request}; the client's reply goes to {@code next}. */
        record Challenge(BackendMessage request, Responder next) implements AuthStep {
            public Challenge {
                requireNonNull(request, "request is null");
                requireNonNull(next, "next is null");
            }
        }
    }

    /** Checks a client's authentication reply (the body of a {@code 'p'} message). */
    @FunctionalInterface
    interface Responder {
        AuthStep respond(byte[] reply);
    }
}
