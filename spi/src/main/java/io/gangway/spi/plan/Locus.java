package io.gangway.spi.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Where a plan node's rows live, as Greenplum's CdbLocusType says. Motions are the only nodes
 * that change it; the planner inserts one wherever a parent needs its input somewhere else.
 */
public sealed interface Locus {
    /** On the coordinator (the QD, or an entry-db reader). */
    record Entry() implements Locus {
    }

    /** On one QE of one segment. */
    record SingleQe() implements Locus {
    }

    /**
     * Spread over {@code numSegments} segments by a hash of the output columns {@code keys}: equal
     * key values are on the same segment.
     */
    record Hashed(List<Integer> keys, int numSegments) implements Locus {
        public Hashed {
            keys = List.copyOf(requireNonNull(keys, "keys is null"));
        }
    }

    /** Spread over {@code numSegments} segments with no known rule (random distribution, or a hash lost by projection). */
    record Strewn(int numSegments) implements Locus {
    }

    /** A full copy on every one of {@code numSegments} segments. */
    record Replicated(int numSegments) implements Locus {
    }

    /** Computable anywhere, the same everywhere (constants). */
    record General() implements Locus {
    }

    /** True where rows are divided among several segments (each row on one). */
    default boolean isPartitioned() {
        return this instanceof Hashed || this instanceof Strewn;
    }
}
