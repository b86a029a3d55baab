package io.gangway.engine.rewriter;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.catalog.ViewDescriptor;
import io.gangway.spi.query.Query;
import io.gangway.spi.query.RangeTableEntry;
import io.gangway.spi.rewriter.Rewriter;
import io.gangway.spi.rewriter.RewriterContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rewriter: replaces every view in a query's range tables with a subquery holding the view's
 * definition, analyzed now against the current catalog and itself rewritten, as PostgreSQL's
 * {@code _RETURN} rules do. Subqueries are rewritten too, so no view entry is left anywhere.
 */
public final class ViewExpander implements Rewriter {
    private static final int MAX_DEPTH = 64;

    @Override
    public Query rewrite(Query query, RewriterContext context) {
        requireNonNull(query, "query is null");
        requireNonNull(context, "context is null");
        return rewrite(query, context, new HashSet<>(), 0);
    }

    private Query rewrite(Query query, RewriterContext context, Set<Long> expanding, int depth) {
        List<RangeTableEntry> rangeTable = new ArrayList<>();
        boolean changed = false;
        for (RangeTableEntry entry : query.rangeTable()) {
            RangeTableEntry rewritten = switch (entry) {
                case RangeTableEntry.View view -> expand(view, context, expanding, depth);
                case RangeTableEntry.Subquery sub -> {
                    Query inner = rewrite(sub.query(), context, expanding, depth + 1);
                    yield inner == sub.query() ? sub : new RangeTableEntry.Subquery(inner, sub.alias(), sub.columns());
                }
                case RangeTableEntry.Table table -> table;
                case RangeTableEntry.Values values -> values;
            };
            changed |= rewritten != entry;
            rangeTable.add(rewritten);
        }
        return changed ? query.withRangeTable(rangeTable) : query;
    }

    private RangeTableEntry expand(RangeTableEntry.View entry, RewriterContext context, Set<Long> expanding,
            int depth) {
        ViewDescriptor view = entry.view();
        if (depth > MAX_DEPTH || !expanding.add(view.id())) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                    "infinite recursion detected in rules for relation \"" + view.name() + "\"");
        }
        try {
            Query definition = rewrite(context.views().analyze(view), context, expanding, depth + 1);
            List<Column> actual = definition.resultColumns();
            if (actual.size() != view.columns().size()) {
                throw new SqlException(SqlState.WRONG_OBJECT_TYPE, "view \"" + view.name()
                        + "\" no longer matches its definition: it had " + view.columns().size()
                        + " columns, its query now gives " + actual.size());
            }
            List<Column> columns = new ArrayList<>();
            for (int i = 0; i < actual.size(); i++) {
                columns.add(new Column(view.columns().get(i).name(), actual.get(i).type()));
            }
            return new RangeTableEntry.Subquery(definition, entry.alias(), columns);
        } finally {
            expanding.remove(view.id());
        }
    }
}
