package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The {@code DISTRIBUTED …} clause of {@code CREATE TABLE}. */
public sealed interface DistributedBy {
    /** {@code DISTRIBUTED BY (columns)}: rows placed by a hash of these columns. */
    record Hashed(List<String> columns) implements DistributedBy {
        public Hashed {
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
        }
    }

    /** {@code DISTRIBUTED RANDOMLY}: rows spread round-robin. */
    record Randomly() implements DistributedBy {
    }

    /** {@code DISTRIBUTED REPLICATED}: every segment holds every row. */
    record Replicated() implements DistributedBy {
    }
}
