package io.gangway.dispatcher.gang;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.dispatch.DispatchOptions;
import io.gangway.spi.dispatch.DispatchStats.DestroyReason;
import io.gangway.spi.dispatch.Gang;
import io.gangway.spi.dispatch.GangManager;
import io.gangway.spi.dispatch.IdleQePool;
import io.gangway.spi.dispatch.QeConnection;
import io.gangway.spi.dispatch.QeRole;
import io.gangway.spi.plan.GangType;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Gangs out of a session's {@link IdleQePool}, used through its interface only: a writer gang takes the writer QEs, a reader
 * gang any idle QE (the writer included), a cursor's gang readers only (Greenplum's explicit reader
 * gangs), and the entry-db gang one reader on content -1.
 */
public final class DefaultGangManager implements GangManager {
    private final IdleQePool pool;
    private int nextGangId;

    public DefaultGangManager(IdleQePool pool) {
        this.pool = requireNonNull(pool, "pool is null");
    }

    @Override
    public Gang allocate(GangType type, List<Integer> contents) {
        return allocate(type, contents, DispatchOptions.DEFAULT);
    }

    @Override
    public Gang allocate(GangType type, List<Integer> contents, DispatchOptions options) {
        requireNonNull(type, "type is null");
        requireNonNull(contents, "contents is null");
        requireNonNull(options, "options is null");
        QeRole role = switch (type) {
            case PRIMARY_WRITER -> {
                if (options.cursor()) {
                    throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "a cursor's plan cannot write");
                }
                yield QeRole.WRITER;
            }
            case PRIMARY_READER, SINGLETON_READER, ENTRYDB_READER -> options.cursor() ? QeRole.READER : QeRole.ANY;
            case UNALLOCATED -> throw new IllegalArgumentException("an UNALLOCATED slice runs in the QD and has no gang");
        };
        if (type == GangType.SINGLETON_READER || type == GangType.ENTRYDB_READER) {
            if (contents.size() != 1) {
                throw new IllegalArgumentException("a " + type + " gang has one member, not " + contents.size());
            }
        }
        if (!contents.isEmpty() && (type == GangType.ENTRYDB_READER) != (contents.getFirst() < 0)) {
            throw new IllegalArgumentException("an " + type + " gang cannot run on content " + contents.getFirst());
        }
        List<QeConnection> members = pool.acquire(contents, role);
        int id = ++nextGangId;
        members.forEach(qe -> pool.assignGang(qe, id));
        return new DefaultGang(id, type, members);
    }

    @Override
    public void recycle(Gang gang, boolean destroy) {
        recycle(gang, qe -> destroy ? Optional.of(DestroyReason.FORCED) : Optional.empty());
    }

    @Override
    public void recycle(Gang gang, Function<QeConnection, Optional<DestroyReason>> destroyReason) {
        requireNonNull(gang, "gang is null");
        requireNonNull(destroyReason, "destroyReason is null");
        // In reverse, so the pool's idle order is restored (Greenplum's RecycleGang).
        List<QeConnection> members = gang.members();
        for (int i = members.size() - 1; i >= 0; i--) {
            QeConnection qe = members.get(i);
            Optional<DestroyReason> reason = destroyReason.apply(qe);
            if (reason.isPresent()) {
                pool.destroy(qe, reason.get());
            } else {
                pool.release(qe, false);
            }
        }
    }
}
