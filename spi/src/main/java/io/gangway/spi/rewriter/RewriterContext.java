package io.gangway.spi.rewriter;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.catalog.CatalogView;
import io.gangway.spi.catalog.ViewDescriptor;
import io.gangway.spi.query.Query;

/**
 * What a rewriter works against: the statement's catalog view, and the engine's way to turn a
 * view's stored text into a query tree with the session's configured parser and analyzer. A
 * rewriter thus needs no parser or analyzer of its own, and can be built with {@code new}.
 */
public record RewriterContext(CatalogView catalog, ViewDefinitions views) {
    public RewriterContext {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(views, "views is null");
    }

    /** The analyzed definitions of views, as of the statement's catalog. */
    @FunctionalInterface
    public interface ViewDefinitions {
        /**
         * The query of {@code view}: its text parsed and analyzed against the statement's catalog
         * now, not yet rewritten (views it reads are still view entries). Errors are those of
         * parsing and analysis ({@code 42P01} if a table it reads was dropped, …).
         */
        Query analyze(ViewDescriptor view);
    }
}
