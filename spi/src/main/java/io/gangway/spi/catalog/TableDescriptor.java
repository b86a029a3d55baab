package io.gangway.spi.catalog;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Column;
import io.gangway.api.SqlType;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A table as the catalog knows it, and as plans carry it to segments: its id ({@code oid}, unique
 * in the cluster and never reused), name, columns, placement, and the storage engine that holds
 * its rows ({@code heap}, {@code ao_row}, {@code ao_column}) with that engine's options.
 */
public record TableDescriptor(
        long id,
        String schema,
        String name,
        List<Column> columns,
        List<Boolean> notNull,
        DistributionPolicy distribution,
        String storageEngine,
        Map<String, String> storageOptions) {
    public TableDescriptor {
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        notNull = List.copyOf(requireNonNull(notNull, "notNull is null"));
        if (notNull.size() != columns.size()) {
            throw new IllegalArgumentException("one not-null flag per column");
        }
        requireNonNull(distribution, "distribution is null");
        requireNonNull(storageEngine, "storageEngine is null");
        storageOptions = Map.copyOf(requireNonNull(storageOptions, "storageOptions is null"));
    }

    public List<SqlType> columnTypes() {
        return columns.stream().map(Column::type).toList();
    }

    /** The index of the column with this name. */
    public OptionalInt columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}
