package io.gangway.engine.qd;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The coordinator's live QD sessions, and the counter their {@code gp_session_id}s come from (a
 * session reset takes a fresh one). System views that span sessions read it from any thread.
 */
public final class SessionRegistry {
    private final AtomicLong nextSessionId = new AtomicLong(1);
    private final ConcurrentHashMap<Long, QdSession> sessions = new ConcurrentHashMap<>();

    long nextSessionId() {
        return nextSessionId.getAndIncrement();
    }

    void register(QdSession session) {
        sessions.put(session.sessionId(), session);
    }

    void unregister(QdSession session) {
        sessions.remove(session.sessionId(), session);
    }

    Collection<QdSession> sessions() {
        return List.copyOf(sessions.values());
    }
}
