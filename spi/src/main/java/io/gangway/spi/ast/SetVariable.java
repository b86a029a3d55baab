package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

/**
 * {@code SET [SESSION | LOCAL] name {TO | =} value}; the value is kept as text, unquoted
 * ({@code SET statement_timeout = '5s'} → {@code 5s}). {@code SET name TO DEFAULT} has value empty string and {@code toDefault}.
 */
public record SetVariable(String name, String value, boolean local, boolean toDefault) implements Statement {
    public SetVariable {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
    }
}
