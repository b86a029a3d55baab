package io.gangway.engine.session;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Column;
import io.gangway.api.SqlType;
import io.gangway.spi.ast.Statement;
import java.util.List;
import java.util.Optional;

/**
 * A parsed statement ready to run: its text, parse tree, the parameter types (declared or
 * inferred) and, for statements that return rows, the result columns (ParameterDescription and
 * RowDescription at Describe). {@code resultColumns} is empty for statements without rows (NoData).
 */
public record PreparedQuery(String sql, Statement statement, List<SqlType> parameterTypes,
        Optional<List<Column>> resultColumns) {
    public PreparedQuery {
        requireNonNull(sql, "sql is null");
        requireNonNull(statement, "statement is null");
        parameterTypes = List.copyOf(requireNonNull(parameterTypes, "parameterTypes is null"));
        requireNonNull(resultColumns, "resultColumns is null");
    }
}
