package io.gangway.dispatcher.pool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The session's writer QEs, one slot per segment: the first QE made for a content, kept for the
 * whole session and never evicted (the entry db has none). A slot is idle or lent. Used on the QD
 * session's thread.
 */
final class WriterSlots {
    private final Map<Integer, PooledQe> writers = new HashMap<>();
    private final Set<Integer> idle = new HashSet<>();

    /** The content's writer, idle or lent, or null if it has none. */
    @Nullable PooledQe get(int content) {
        return writers.get(content);
    }

    /** Puts a new writer in its content's slot, idle. */
    void addIdle(PooledQe writer) {
        writers.put(writer.content(), writer);
        idle.add(writer.content());
    }

    boolean isIdle(int content) {
        return idle.contains(content);
    }

    /** Lends the content's writer if it is idle; true if it was. */
    boolean take(int content) {
        return idle.remove(content);
    }

    /** Whether {@code qe} is the writer of its content's slot now. */
    boolean holds(PooledQe qe) {
        return writers.get(qe.content()) == qe;
    }

    /** Puts a lent writer back, idle. */
    void giveBack(PooledQe writer) {
        idle.add(writer.content());
    }

    /** Empties the content's slot; the next QE made there is its new writer. */
    void remove(int content) {
        writers.remove(content);
        idle.remove(content);
    }

    /** Lends every idle writer. */
    List<PooledQe> takeAllIdle() {
        List<PooledQe> taken = new ArrayList<>();
        for (Integer content : List.copyOf(idle)) {
            idle.remove(content);
            taken.add(writers.get(content));
        }
        return taken;
    }

    /** Empties the slots of every idle writer and returns those writers. */
    List<PooledQe> removeIdle() {
        List<PooledQe> removed = new ArrayList<>();
        for (Integer content : List.copyOf(idle)) {
            removed.add(writers.remove(content));
            idle.remove(content);
        }
        return removed;
    }

    void clear() {
        writers.clear();
        idle.clear();
    }
}
