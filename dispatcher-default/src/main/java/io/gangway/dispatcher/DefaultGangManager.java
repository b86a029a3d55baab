package io.gangway.dispatcher;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.dispatch.Gang;
import io.gangway.spi.dispatch.GangManager;
import io.gangway.spi.dispatch.IdleQePool;
import io.gangway.spi.dispatch.QeConnection;
import io.gangway.spi.dispatch.QeRole;
import io.gangway.spi.plan.GangType;
import java.util.List;

/**
 * Gangs out of a session's {@link IdleQePool}: a writer gang takes the writer QEs, a reader gang
 * any idle QE (the writer included). Greenplum's cursor gangs (explicit readers) would ask for
 * {@link QeRole#READER}; plain statements never do.
 */
public final class DefaultGangManager implements GangManager {
    private final IdleQePool pool;
    private int nextGangId;

    public DefaultGangManager(IdleQePool pool) {
        this.pool = requireNonNull(pool, "pool is null");
    }

    @Override
    public Gang allocate(GangType type, List<Integer> contents) {
        requireNonNull(type, "type is null");
        requireNonNull(contents, "contents is null");
        QeRole role = switch (type) {
            case PRIMARY_WRITER -> QeRole.WRITER;
            case PRIMARY_READER, SINGLETON_READER, ENTRYDB_READER -> QeRole.ANY;
            case UNALLOCATED -> throw new IllegalArgumentException("an UNALLOCATED slice runs in the QD and has no gang");
        };
        if (type == GangType.SINGLETON_READER || type == GangType.ENTRYDB_READER) {
            if (contents.size() != 1) {
                throw new IllegalArgumentException("a " + type + " gang has one member, not " + contents.size());
            }
        }
        List<QeConnection> members = pool.acquire(contents, role);
        return new DefaultGang(++nextGangId, type, members);
    }

    @Override
    public void recycle(Gang gang, boolean destroy) {
        requireNonNull(gang, "gang is null");
        // In reverse, so the pool's idle order is restored (Greenplum's RecycleGang).
        List<QeConnection> members = gang.members();
        for (int i = members.size() - 1; i >= 0; i--) {
            pool.release(members.get(i), destroy);
        }
    }
}
