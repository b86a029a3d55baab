package io.gangway.spi.query;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Column;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.catalog.ViewDescriptor;
import java.util.List;

/** A relation a query reads from, named in its range table. */
public sealed interface RangeTableEntry {
    /** The alias columns are qualified by ({@code t} in {@code t.a}). */
    String alias();

    List<Column> columns();

    /** A stored table. */
    record Table(TableDescriptor table, String alias) implements RangeTableEntry {
        public Table {
            requireNonNull(table, "table is null");
            requireNonNull(alias, "alias is null");
        }

        @Override
        public List<Column> columns() {
            return table.columns();
        }
    }

    /** A view, before the rewriter replaces it with its query. */
    record View(ViewDescriptor view, String alias) implements RangeTableEntry {
        public View {
            requireNonNull(view, "view is null");
            requireNonNull(alias, "alias is null");
        }

        @Override
        public List<Column> columns() {
            return view.columns();
        }
    }

    /** A subquery in FROM (or an expanded view); its columns are the query's visible outputs. */
    record Subquery(Query query, String alias, List<Column> columns) implements RangeTableEntry {
        public Subquery {
            requireNonNull(query, "query is null");
            requireNonNull(alias, "alias is null");
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
        }
    }

    /**
     * Rows given in the statement ({@code VALUES}), or rows only the coordinator has (a system view
     * such as {@code gp_segment_configuration}, made into constants at analysis).
     */
    record Values(List<List<Expr>> rows, String alias, List<Column> columns) implements RangeTableEntry {
        public Values {
            rows = requireNonNull(rows, "rows is null").stream().map(List::copyOf).toList();
            requireNonNull(alias, "alias is null");
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
        }
    }
}
