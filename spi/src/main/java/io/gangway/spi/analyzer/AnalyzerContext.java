package io.gangway.spi.analyzer;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlType;
import io.gangway.spi.catalog.CatalogView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the analyzer works against: the catalog view of the statement, and the statement's bind
 * parameters — their types (declared by the client, or {@code null} to infer) and, once bound,
 * their values ({@code Optional.empty()} while only describing the statement).
 */
public record AnalyzerContext(CatalogView catalog, List<@Nullable SqlType> parameterTypes,
        Optional<List<@Nullable Object>> parameterValues) {
    public AnalyzerContext {
        requireNonNull(catalog, "catalog is null");
        parameterTypes = Collections.unmodifiableList(new ArrayList<>(requireNonNull(parameterTypes, "parameterTypes is null")));
        parameterValues = requireNonNull(parameterValues, "parameterValues is null")
                .map(values -> Collections.unmodifiableList(new ArrayList<>(values)));
    }

    public static AnalyzerContext of(CatalogView catalog) {
        return new AnalyzerContext(catalog, List.of(), Optional.empty());
    }
}
