package io.gangway.spi.dispatch;

import io.gangway.spi.plan.GangType;
import java.util.List;

/**
 * Makes gangs for the slices of a statement out of the session's {@link IdleQePool} and gives them
 * back after it. The writer gang is allocated before any reader gang; a {@code PRIMARY_WRITER}
 * gang takes the writer QEs; a reader gang takes any idle QE (the writer included) unless it is
 * for a cursor.
 *
 * <p>Called on the QD session's thread only.
 */
public interface GangManager {
    Gang allocate(GangType type, List<Integer> contents);

    /** Returns the gang's QEs to the pool, or closes them if {@code destroy} (after an error). */
    void recycle(Gang gang, boolean destroy);
}
