package io.gangway.spi.catalog;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Column;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A relation only the coordinator holds, computed when a statement reads it
 * ({@code gp_segment_configuration}, {@code gp_session_qes}): its columns and its rows of values
 * (Java values of the column types, {@code null} for SQL NULL). It plans like a VALUES list.
 */
public record SystemRelation(List<Column> columns, List<List<Object>> rows) {
    public SystemRelation {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : requireNonNull(rows, "rows is null")) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " values for " + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copy);
    }
}
