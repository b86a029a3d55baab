package io.gangway.engine.analyzer;

import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.ast.Expression.ColumnReference;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.RangeTableEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The names visible in a query's FROM clause: its range-table entries by alias. Resolves column
 * references the way PostgreSQL does, with its error messages.
 */
final class Scope {
    private final List<RangeTableEntry> entries = new ArrayList<>();

    int add(RangeTableEntry entry, int position) {
        for (RangeTableEntry existing : entries) {
            if (existing.alias().equals(entry.alias())) {
                throw SqlException.at(SqlState.DUPLICATE_OBJECT, position,
                        "table name \"" + entry.alias() + "\" specified more than once");
            }
        }
        entries.add(entry);
        return entries.size() - 1;
    }

    List<RangeTableEntry> entries() {
        return List.copyOf(entries);
    }

    RangeTableEntry entry(int index) {
        return entries.get(index);
    }

    int size() {
        return entries.size();
    }

    Expr.ColumnRef resolve(ColumnReference ref) {
        List<String> parts = ref.parts();
        String column = ref.name();
        if (parts.size() == 1) {
            Expr.ColumnRef found = null;
            for (int i = 0; i < entries.size(); i++) {
                Expr.ColumnRef candidate = find(i, column);
                if (candidate != null) {
                    if (found != null) {
                        throw SqlException.at(SqlState.AMBIGUOUS_COLUMN, ref.position(),
                                "column reference \"" + column + "\" is ambiguous");
                    }
                    found = candidate;
                }
            }
            if (found == null) {
                throw SqlException.at(SqlState.UNDEFINED_COLUMN, ref.position(),
                        "column \"" + column + "\" does not exist");
            }
            return found;
        }
        String qualifier = parts.get(parts.size() - 2);
        int index = indexOf(qualifier, ref.position());
        Expr.ColumnRef found = find(index, column);
        if (found == null) {
            throw SqlException.at(SqlState.UNDEFINED_COLUMN, ref.position(),
                    "column " + qualifier + "." + column + " does not exist");
        }
        return found;
    }

    /** The entry a qualifier ({@code t} in {@code t.a} or {@code t.*}) names. */
    int indexOf(String qualifier, int position) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).alias().equals(qualifier)) {
                return i;
            }
        }
        throw SqlException.at(SqlState.UNDEFINED_TABLE, position,
                "missing FROM-clause entry for table \"" + qualifier + "\"");
    }

    private Expr.ColumnRef find(int index, String column) {
        List<Column> columns = entries.get(index).columns();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(column)) {
                return new Expr.ColumnRef(index, c, column, columns.get(c).type());
            }
        }
        return null;
    }
}
