package io.gangway.api;

import static java.util.Objects.requireNonNull;

/** A named, typed column of a table or of a result. */
public record Column(String name, SqlType type) {
    public Column {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
