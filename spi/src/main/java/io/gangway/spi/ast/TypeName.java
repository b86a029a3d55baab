package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A type as written: a lower-case base name ({@code int}, {@code numeric}, {@code varchar},
 * {@code double precision}) and its modifiers ({@code numeric(12,2)} → [12, 2]).
 */
public record TypeName(String name, List<Integer> modifiers, int position) implements Node {
    public TypeName {
        requireNonNull(name, "name is null");
        modifiers = List.copyOf(requireNonNull(modifiers, "modifiers is null"));
    }
}
