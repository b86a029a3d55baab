package io.gangway.engine.qd;

import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.engine.analyzer.TypeResolver;
import io.gangway.engine.catalog.CatalogSnapshot;
import io.gangway.engine.config.EngineSettings;
import io.gangway.engine.session.QueryResult;
import io.gangway.spi.analyzer.AnalyzerContext;
import io.gangway.spi.ast.ColumnDefinition;
import io.gangway.spi.ast.CreateTable;
import io.gangway.spi.ast.CreateView;
import io.gangway.spi.ast.DistributedBy;
import io.gangway.spi.ast.DropTable;
import io.gangway.spi.ast.DropView;
import io.gangway.spi.ast.QualifiedName;
import io.gangway.spi.ast.QueryStatement;
import io.gangway.spi.catalog.DistributionPolicy;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.catalog.ViewDescriptor;
import io.gangway.spi.dispatch.DispatchRequest;
import io.gangway.spi.dispatch.DispatchRequest.UtilityCommand;
import io.gangway.spi.query.Query;
import io.gangway.spi.query.RangeTableEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * DDL on the coordinator: checks the statement against the catalog, dispatches what the segments
 * must do to the writer gang, and changes the catalog once every segment has done its part.
 */
final class UtilityCommands {
    private static final System.Logger LOG = System.getLogger(UtilityCommands.class.getName());
    private static final String SCHEMA = "public";

    private final SessionContext session;

    UtilityCommands(SessionContext session) {
        this.session = session;
    }

    QueryResult createTable(CreateTable create) {
        CatalogSnapshot catalog = session.services().catalog().snapshot();
        String name = simpleName(create.name());
        if (catalog.table(SCHEMA, name).isPresent() || catalog.view(SCHEMA, name).isPresent()) {
            if (create.ifNotExists()) {
                return Results.tag("CREATE TABLE", List.of("relation \"" + name + "\" already exists, skipping"));
            }
            throw SqlException.at(SqlState.DUPLICATE_TABLE, create.name().position(), "relation \"" + name + "\" already exists");
        }
        List<Column> columns = new ArrayList<>();
        List<Boolean> notNull = new ArrayList<>();
        for (ColumnDefinition definition : create.columns()) {
            if (columns.stream().anyMatch(c -> c.name().equals(definition.name()))) {
                throw SqlException.at(SqlState.DUPLICATE_COLUMN, definition.position(),
                        "column \"" + definition.name() + "\" specified more than once");
            }
            columns.add(new Column(definition.name(), TypeResolver.resolve(definition.type())));
            notNull.add(definition.notNull());
        }
        List<String> notices = new ArrayList<>();
        int segments = catalog.segmentCount();
        DistributionPolicy policy = switch (create.distributedBy().orElse(null)) {
            case null -> {
                if (columns.isEmpty()) {
                    yield new DistributionPolicy.Random(segments);
                }
                notices.add("Table doesn't have 'DISTRIBUTED BY' clause -- Using column named '" + columns.getFirst().name()
                        + "' as the Greenplum Database data distribution key for this table.");
                yield new DistributionPolicy.Hashed(List.of(0), segments);
            }
            case DistributedBy.Hashed hashed -> new DistributionPolicy.Hashed(keyColumns(hashed.columns(), columns), segments);
            case DistributedBy.Randomly randomly -> new DistributionPolicy.Random(segments);
            case DistributedBy.Replicated replicated -> new DistributionPolicy.Replicated(segments);
        };
        String engine = storageEngine(create);
        TableDescriptor table = new TableDescriptor(session.services().catalog().nextObjectId(), SCHEMA, name, columns,
                notNull, policy, engine, create.with());
        try {
            session.dispatcher().dispatchToWriters(new DispatchRequest.Utility(new UtilityCommand.CreateTable(table)));
        } catch (SqlException e) {
            dropQuietly(table);
            throw e;
        }
        session.services().catalog().addTable(table);
        return Results.tag("CREATE TABLE", notices);
    }

    private String storageEngine(CreateTable create) {
        Map<String, String> with = new HashMap<>();
        create.with().forEach((k, v) -> with.put(k.toLowerCase(Locale.ROOT), v.toLowerCase(Locale.ROOT)));
        if (List.of("true", "on", "1").contains(with.getOrDefault("appendoptimized", with.getOrDefault("appendonly", "false")))) {
            return "column".equals(with.get("orientation")) ? "ao_column" : "ao_row";
        }
        return create.using().orElseGet(() -> session.settings().getString(EngineSettings.DEFAULT_TABLE_ACCESS_METHOD));
    }

    private static List<Integer> keyColumns(List<String> names, List<Column> columns) {
        List<Integer> keys = new ArrayList<>();
        for (String key : names) {
            OptionalInt index = OptionalInt.empty();
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(key)) {
                    index = OptionalInt.of(i);
                }
            }
            if (index.isEmpty()) {
                throw new SqlException(SqlState.UNDEFINED_COLUMN,
                        "column \"" + key + "\" named in 'DISTRIBUTED BY' clause does not exist");
            }
            keys.add(index.getAsInt());
        }
        return keys;
    }

    private void dropQuietly(TableDescriptor table) {
        try {
            session.dispatcher().dispatchToWriters(new DispatchRequest.Utility(new UtilityCommand.DropTables(List.of(table))));
        } catch (SqlException cleanup) {
            LOG.log(System.Logger.Level.WARNING, "could not remove files of table {0} after a failed CREATE TABLE: {1}",
                    table.name(), cleanup.getMessage());
        }
    }

    QueryResult dropTable(DropTable drop) {
        CatalogSnapshot catalog = session.services().catalog().snapshot();
        List<TableDescriptor> tables = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        for (QualifiedName qualified : drop.names()) {
            String name = simpleName(qualified);
            Optional<TableDescriptor> table = catalog.table(SCHEMA, name);
            if (table.isEmpty()) {
                if (catalog.view(SCHEMA, name).isPresent()) {
                    throw new SqlException(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a table",
                            Optional.empty(), Optional.of("Use DROP VIEW to remove a view."), OptionalInt.empty(), null);
                }
                if (drop.ifExists()) {
                    notices.add("table \"" + name + "\" does not exist, skipping");
                    continue;
                }
                throw SqlException.at(SqlState.UNDEFINED_TABLE, qualified.position(), "table \"" + name + "\" does not exist");
            }
            checkNoDependentViews(catalog, table.get().id(), "table", name);
            tables.add(table.get());
        }
        for (TableDescriptor table : tables) {
            session.services().catalog().removeTable(table);
        }
        if (!tables.isEmpty()) {
            try {
                session.dispatcher().dispatchToWriters(new DispatchRequest.Utility(new UtilityCommand.DropTables(tables)));
            } catch (SqlException e) {
                // The tables are gone from the catalog; files a segment could not remove are orphans, not data.
                LOG.log(System.Logger.Level.WARNING, "could not remove table files on every segment: {0}", e.getMessage());
                notices.add("some segments could not remove the dropped tables' files: " + e.getMessage());
            }
        }
        return Results.tag("DROP TABLE", notices);
    }

    QueryResult createView(CreateView create) {
        String name = simpleName(create.name());
        Query query = session.analyzeAndRewrite(new QueryStatement(create.query()), AnalyzerContext.of(
                session.services().catalog().snapshot()));
        List<Column> result = query.resultColumns();
        if (create.columnNames().size() > result.size()) {
            throw new SqlException(SqlState.SYNTAX_ERROR, "CREATE VIEW specifies more column names than columns");
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < result.size(); i++) {
            String columnName = i < create.columnNames().size() ? create.columnNames().get(i) : result.get(i).name();
            SqlType type = result.get(i).type();
            columns.add(new Column(columnName, type));
        }
        ViewDescriptor view = new ViewDescriptor(session.services().catalog().nextObjectId(), SCHEMA, name, columns,
                create.queryText());
        session.services().catalog().putView(view, create.orReplace());
        return Results.tag("CREATE VIEW");
    }

    QueryResult dropView(DropView drop) {
        CatalogSnapshot catalog = session.services().catalog().snapshot();
        List<String> notices = new ArrayList<>();
        List<ViewDescriptor> views = new ArrayList<>();
        for (QualifiedName qualified : drop.names()) {
            String name = simpleName(qualified);
            Optional<ViewDescriptor> view = catalog.view(SCHEMA, name);
            if (view.isEmpty()) {
                if (catalog.table(SCHEMA, name).isPresent()) {
                    throw new SqlException(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a view",
                            Optional.empty(), Optional.of("Use DROP TABLE to remove a table."), OptionalInt.empty(), null);
                }
                if (drop.ifExists()) {
                    notices.add("view \"" + name + "\" does not exist, skipping");
                    continue;
                }
                throw SqlException.at(SqlState.UNDEFINED_TABLE, qualified.position(), "view \"" + name + "\" does not exist");
            }
            checkNoDependentViews(catalog, view.get().id(), "view", name);
            views.add(view.get());
        }
        views.forEach(session.services().catalog()::removeView);
        return Results.tag("DROP VIEW", notices);
    }

    /** PostgreSQL refuses to drop what a view depends on (without CASCADE). */
    private void checkNoDependentViews(CatalogSnapshot catalog, long objectId, String kind, String name) {
        for (ViewDescriptor view : catalog.views()) {
            if (view.id() == objectId) {
                continue;
            }
            boolean depends;
            try {
                Query query = session.services().analyzer().analyze(session.services().parser().parse(view.queryText()),
                        AnalyzerContext.of(catalog));
                depends = references(query, objectId);
            } catch (SqlException e) {
                depends = false; // a view already broken by an earlier change depends on nothing that exists
            }
            if (depends) {
                throw new SqlException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop " + kind + " " + name + " because other objects depend on it",
                        Optional.of("view " + view.name() + " depends on " + kind + " " + name),
                        Optional.of("Use DROP ... CASCADE to drop the dependent objects too."), OptionalInt.empty(), null);
            }
        }
    }

    private static boolean references(Query query, long objectId) {
        for (RangeTableEntry entry : query.rangeTable()) {
            boolean hit = switch (entry) {
                case RangeTableEntry.Table t -> t.table().id() == objectId;
                case RangeTableEntry.View v -> v.view().id() == objectId;
                case RangeTableEntry.Subquery s -> references(s.query(), objectId);
                case RangeTableEntry.Values v -> false;
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    private static String simpleName(QualifiedName name) {
        if (name.parts().size() == 2 && !name.parts().getFirst().equals(SCHEMA)) {
            throw SqlException.at(SqlState.UNDEFINED_OBJECT, name.position(),
                    "schema \"" + name.parts().getFirst() + "\" does not exist");
        }
        if (name.parts().size() > 2) {
            throw SqlException.at(SqlState.FEATURE_NOT_SUPPORTED, name.position(),
                    "cross-database references are not implemented: " + name);
        }
        return name.simpleName();
    }
}
