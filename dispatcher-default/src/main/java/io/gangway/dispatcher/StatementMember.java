package io.gangway.dispatcher;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;

/** One QE of a dispatched statement: the slice it runs (none for a command), its index in the gang, its connection. */
record StatementMember(OptionalInt sliceId, int memberIndex, PooledQeConnection qe) {
    StatementMember {
        requireNonNull(sliceId, "sliceId is null");
        requireNonNull(qe, "qe is null");
    }
}
