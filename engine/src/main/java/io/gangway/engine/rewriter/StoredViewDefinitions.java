package io.gangway.engine.rewriter;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.analyzer.Analyzer;
import io.gangway.spi.analyzer.AnalyzerContext;
import io.gangway.spi.ast.QueryStatement;
import io.gangway.spi.ast.Statement;
import io.gangway.spi.catalog.CatalogView;
import io.gangway.spi.catalog.ViewDescriptor;
import io.gangway.spi.parser.Parser;
import io.gangway.spi.query.Query;
import io.gangway.spi.rewriter.RewriterContext;

/**
 * A view's definition as the engine knows it: the text stored at {@code CREATE VIEW}, parsed and
 * analyzed with the process's configured parser and analyzer against the statement's catalog, so
 * a view sees the tables as they are now (as PostgreSQL's stored rules do, by object identity).
 */
public record StoredViewDefinitions(Parser parser, Analyzer analyzer, CatalogView catalog)
        implements RewriterContext.ViewDefinitions {
    public StoredViewDefinitions {
        requireNonNull(parser, "parser is null");
        requireNonNull(analyzer, "analyzer is null");
        requireNonNull(catalog, "catalog is null");
    }

    /** The context a rewriter gets for a statement analyzed against {@code catalog}. */
    public static RewriterContext context(Parser parser, Analyzer analyzer, CatalogView catalog) {
        return new RewriterContext(catalog, new StoredViewDefinitions(parser, analyzer, catalog));
    }

    @Override
    public Query analyze(ViewDescriptor view) {
        Statement statement = parser.parse(view.queryText());
        if (!(statement instanceof QueryStatement)) {
            throw new SqlException(SqlState.DATA_CORRUPTED, "view \"" + view.name() + "\" has no query");
        }
        return analyzer.analyze(statement, AnalyzerContext.of(catalog));
    }
}
