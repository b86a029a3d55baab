package io.gangway.engine.analyzer;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.analyzer.AnalyzerContext;
import io.gangway.spi.ast.QualifiedName;
import io.gangway.spi.ast.Relation;
import io.gangway.spi.catalog.SystemRelation;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.RangeTableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds what a name in FROM means: a system relation the coordinator computes (made into constant
 * rows here, so it plans like VALUES), a table, or a view.
 */
final class RelationResolver {
    static final String DEFAULT_SCHEMA = "public";

    private final AnalyzerContext context;

    RelationResolver(AnalyzerContext context) {
        this.context = context;
    }

    RangeTableEntry resolve(Relation.Table table) {
        QualifiedName name = QueryAnalyzer.checkName(table.name());
        String alias = table.alias().orElse(name.simpleName());
        String schema = name.parts().size() == 2 ? name.parts().getFirst() : DEFAULT_SCHEMA;
        Optional<SystemRelation> system = context.catalog().systemRelation(schema, name.simpleName());
        if (system.isPresent()) {
            return systemRelation(system.get(), alias);
        }
        Optional<TableDescriptor> stored = context.catalog().table(schema, name.simpleName());
        if (stored.isPresent()) {
            return new RangeTableEntry.Table(stored.get(), alias);
        }
        return context.catalog().view(schema, name.simpleName())
                .<RangeTableEntry>map(view -> new RangeTableEntry.View(view, alias))
                .orElseThrow(() -> SqlException.at(SqlState.UNDEFINED_TABLE, name.position(),
                        "relation \"" + name + "\" does not exist"));
    }

    /** Looks up a table for INSERT; a view or a missing table is an error. */
    TableDescriptor insertTarget(QualifiedName name) {
        QueryAnalyzer.checkName(name);
        String schema = name.parts().size() == 2 ? name.parts().getFirst() : DEFAULT_SCHEMA;
        Optional<TableDescriptor> table = context.catalog().table(schema, name.simpleName());
        if (table.isPresent()) {
            return table.get();
        }
        if (context.catalog().view(schema, name.simpleName()).isPresent()) {
            throw SqlException.at(SqlState.FEATURE_NOT_SUPPORTED, name.position(),
                    "cannot insert into view \"" + name.simpleName() + "\"");
        }
        throw SqlException.at(SqlState.UNDEFINED_TABLE, name.position(), "relation \"" + name + "\" does not exist");
    }

    private static RangeTableEntry systemRelation(SystemRelation relation, String alias) {
        List<List<Expr>> rows = new ArrayList<>();
        for (List<Object> values : relation.rows()) {
            List<Expr> row = new ArrayList<>();
            for (int c = 0; c < values.size(); c++) {
                row.add(new Expr.Constant(values.get(c), relation.columns().get(c).type()));
            }
            rows.add(row);
        }
        return new RangeTableEntry.Values(rows, alias, relation.columns());
    }
}
