package io.gangway.spi.dispatch;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.dispatch.DispatchStats.DestroyReason;
import io.gangway.spi.plan.GangType;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Makes gangs for the slices of a statement out of the session's {@link IdleQePool} and gives them
 * back after it. The writer gang is allocated before any reader gang; a {@code PRIMARY_WRITER}
 * gang takes the writer QEs; a reader gang takes any idle QE (the writer included) unless it is
 * for a cursor. An {@code ENTRYDB_READER} gang is one reader on content -1, never a writer.
 * A gang is reused across statements: its QEs go back to the pool at recycle and the next gang
 * takes them again.
 *
 * <p>Called on the QD session's thread only.
 */
public interface GangManager {
    /** A gang of {@code type} with one QE per content, in order; {@code 58M01} if a segment cannot give one. */
    Gang allocate(GangType type, List<Integer> contents);

    /**
     * A gang for a statement dispatched with {@code options}: with {@link DispatchOptions#cursor()}
     * every member is a reader, never the writer (a {@code PRIMARY_WRITER} gang is refused). The
     * default refuses anything but {@link DispatchOptions#DEFAULT} with {@code 0A000}.
     */
    default Gang allocate(GangType type, List<Integer> contents, DispatchOptions options) {
        if (options.equals(DispatchOptions.DEFAULT)) {
            return allocate(type, contents);
        }
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "This gang manager does not support cursor gangs");
    }

    /**
     * Returns the gang's QEs to the pool (in reverse order, so the pool's idle order is restored),
     * or closes them if {@code destroy} (after an error). The pool may destroy a QE anyway, by
     * its own rules ({@link IdleQePool#release}).
     */
    void recycle(Gang gang, boolean destroy);

    /**
     * Returns the gang's QEs to the pool, destroying each member {@code destroyReason} gives a
     * reason for ({@link IdleQePool#destroy}) and giving back the rest by the pool's rules. The
     * default, which cannot tell members apart, destroys the whole gang if any member has a reason.
     */
    default void recycle(Gang gang, Function<QeConnection, Optional<DestroyReason>> destroyReason) {
        recycle(gang, gang.members().stream().anyMatch(qe -> destroyReason.apply(qe).isPresent()));
    }
}
