package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

/** {@code BEGIN} / {@code START TRANSACTION}, {@code COMMIT} / {@code END}, {@code ROLLBACK} / {@code ABORT}. */
public record TransactionStatement(Kind kind) implements Statement {
    public enum Kind { BEGIN, COMMIT, ROLLBACK }

    public TransactionStatement {
        requireNonNull(kind, "kind is null");
    }
}
