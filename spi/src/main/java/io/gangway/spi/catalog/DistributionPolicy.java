package io.gangway.spi.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How a table's rows are placed on segments ({@code gp_distribution_policy}). {@code numSegments}
 * is how many segments the table spans (the first {@code numSegments} contents).
 */
public sealed interface DistributionPolicy {
    int numSegments();

    /**
     * Rows placed by a hash of these columns (indexes into the table's columns): the row goes to
     * segment {@code jumpConsistentHash(hash(key values), numSegments)}.
     */
    record Hashed(List<Integer> keyColumns, int numSegments) implements DistributionPolicy {
        public Hashed {
            keyColumns = List.copyOf(requireNonNull(keyColumns, "keyColumns is null"));
            if (keyColumns.isEmpty()) {
                throw new IllegalArgumentException("a hashed policy has at least one key column");
            }
        }
    }

    /** Rows spread without regard to their values. */
    record Random(int numSegments) implements DistributionPolicy {
    }

    /** Every segment holds every row. */
    record Replicated(int numSegments) implements DistributionPolicy {
    }
}
