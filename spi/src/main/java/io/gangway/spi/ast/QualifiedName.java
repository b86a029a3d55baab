package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A possibly schema-qualified name ({@code t}, {@code public.t}); parts are already case-folded
 * (unquoted identifiers lower-cased, quoted ones kept as written).
 */
public record QualifiedName(List<String> parts, int position) implements Node {
    public QualifiedName {
        parts = List.copyOf(requireNonNull(parts, "parts is null"));
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a name has at least one part");
        }
    }

    public static QualifiedName of(String name) {
        return new QualifiedName(List.of(name), 0);
    }

    /** The last part: the object's own name without its schema. */
    public String simpleName() {
        return parts.getLast();
    }

    @Override
    public String toString() {
        return String.join(".", parts);
    }
}
