package io.gangway.engine.analyzer;

import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.spi.analyzer.AnalyzerContext;
import io.gangway.spi.ast.QualifiedName;
import io.gangway.spi.ast.Relation;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.RangeTableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds what a name in FROM means: a table, a view, or a system view that only the coordinator
 * holds ({@code gp_segment_configuration}, made into constant rows here so it plans like VALUES).
 */
final class RelationResolver {
    static final String DEFAULT_SCHEMA = "public";

    private static final List<Column> SEGMENT_CONFIGURATION_COLUMNS = List.of(
            new Column("dbid", SqlType.INTEGER), new Column("content", SqlType.INTEGER),
            new Column("role", SqlType.TEXT), new Column("preferred_role", SqlType.TEXT),
            new Column("mode", SqlType.TEXT), new Column("status", SqlType.TEXT),
            new Column("port", SqlType.INTEGER), new Column("hostname", SqlType.TEXT),
            new Column("address", SqlType.TEXT), new Column("datadir", SqlType.TEXT));

    private final AnalyzerContext context;

    RelationResolver(AnalyzerContext context) {
        this.context = context;
    }

    RangeTableEntry resolve(Relation.Table table) {
        QualifiedName name = QueryAnalyzer.checkName(table.name());
        String alias = table.alias().orElse(name.simpleName());
        String schema = name.parts().size() == 2 ? name.parts().getFirst() : DEFAULT_SCHEMA;
        if (name.simpleName().equals("gp_segment_configuration")
                && List.of(DEFAULT_SCHEMA, "pg_catalog", "gp_toolkit").contains(schema)) {
            return segmentConfiguration(alias);
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

    private RangeTableEntry segmentConfiguration(String alias) {
        List<List<Expr>> rows = new ArrayList<>();
        for (SegmentDescriptor s : context.catalog().segments()) {
            rows.add(List.of(
                    new Expr.Constant(s.dbid(), SqlType.INTEGER), new Expr.Constant(s.content(), SqlType.INTEGER),
                    text(s.role()), text(s.preferredRole()), text(s.mode()), text(s.status()),
                    new Expr.Constant(s.port(), SqlType.INTEGER), new Expr.Constant(s.hostname(), SqlType.TEXT),
                    new Expr.Constant(s.address(), SqlType.TEXT), new Expr.Constant(s.dataDirectory(), SqlType.TEXT)));
        }
        return new RangeTableEntry.Values(rows, alias, SEGMENT_CONFIGURATION_COLUMNS);
    }

    private static Expr text(char c) {
        return new Expr.Constant(String.valueOf(c), SqlType.TEXT);
    }
}
