package io.gangway.server.pgwire;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A portal made by Bind: a statement with its parameter values and result formats. The statement
 * runs at the first Execute; its result stays open between Executes that stop at a row limit.
 */
final class Portal implements AutoCloseable {
    private final String name;
    private final NamedStatement statement;
    private final List<@Nullable Object> parameters;
    private final FormatCodes resultFormats;
    private @Nullable ResultCursor cursor;
    private Optional<String> completedTag = Optional.empty();

    Portal(String name, NamedStatement statement, List<@Nullable Object> parameters, FormatCodes resultFormats) {
        this.name = requireNonNull(name, "name is null");
        this.statement = requireNonNull(statement, "statement is null");
        this.parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
        this.resultFormats = requireNonNull(resultFormats, "resultFormats is null");
    }

    String name() {
        return name;
    }

    NamedStatement statement() {
        return statement;
    }

    List<@Nullable Object> parameters() {
        return parameters;
    }

    FormatCodes resultFormats() {
        return resultFormats;
    }

    @Nullable ResultCursor cursor() {
        return cursor;
    }

    void start(ResultCursor cursor) {
        this.cursor = cursor;
    }

    /** The tag of a portal run to its end (a later Execute repeats it), empty while not finished. */
    Optional<String> completedTag() {
        return completedTag;
    }

    void complete(String tag) {
        completedTag = Optional.of(tag);
        close();
    }

    @Override
    public void close() {
        ResultCursor open = cursor;
        cursor = null;
        if (open != null) {
            open.close();
        }
    }
}
