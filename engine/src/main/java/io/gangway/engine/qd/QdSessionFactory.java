package io.gangway.engine.qd;

import static java.util.Objects.requireNonNull;

import io.gangway.engine.session.ClientSession;
import java.security.SecureRandom;
import java.util.Map;

/** Makes a QD session for each client connection, numbering them as {@code gp_session_id} does. */
public final class QdSessionFactory {
    private final CoordinatorServices services;
    private final SessionRegistry registry = new SessionRegistry();
    private final SecureRandom random = new SecureRandom();

    public QdSessionFactory(CoordinatorServices services) {
        this.services = requireNonNull(services, "services is null");
    }

    /** A new session; {@code startupSettings} are the client's startup parameters (client_encoding, DateStyle, …). */
    public ClientSession open(Map<String, String> startupSettings) {
        QdSession session = new QdSession(services, registry, registry.nextSessionId(), random.nextInt(), startupSettings);
        registry.register(session);
        return session;
    }
}
