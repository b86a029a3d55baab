package io.gangway.server.pgwire;

import io.gangway.engine.session.ClientSession;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The sessions of one server by BackendKeyData process id, so a CancelRequest arriving on another
 * connection finds the session it names. Thread-safe.
 */
final class PgSessionRegistry {
    private final ConcurrentMap<Integer, ClientSession> sessions = new ConcurrentHashMap<>();

    /** The process id a session announces in BackendKeyData: its session id, cut to 32 bits. */
    static int processId(ClientSession session) {
        return (int) session.sessionId();
    }

    void register(ClientSession session) {
        sessions.put(processId(session), session);
    }

    void unregister(ClientSession session) {
        sessions.remove(processId(session), session);
    }

    /**
     * Cancels the statement of the session with this process id if the secret matches; a wrong or
     * unknown key is ignored, as PostgreSQL does (the requester learns nothing either way).
     */
    boolean cancel(int processId, int secret) {
        ClientSession session = sessions.get(processId);
        if (session == null || session.cancelSecret() != secret) {
            return false;
        }
        session.cancel();
        return true;
    }

    int size() {
        return sessions.size();
    }
}
