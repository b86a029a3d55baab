package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

/** {@code EXPLAIN [ANALYZE] [VERBOSE] statement}. */
public record Explain(Statement statement, boolean analyze, boolean verbose) implements Statement {
    public Explain {
        requireNonNull(statement, "statement is null");
    }
}
