package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** The body of a query. */
public sealed interface QueryBody {
    /**
     * {@code SELECT [DISTINCT] items [FROM relations] [WHERE …] [GROUP BY …] [HAVING …]}. Several
     * FROM items are a cross product; {@code groupBy} may hold output ordinals ({@code GROUP BY 1}).
     */
    record Select(
            boolean distinct,
            List<SelectItem> items,
            List<Relation> from,
            Optional<Expression> where,
            List<Expression> groupBy,
            Optional<Expression> having) implements QueryBody {
        public Select {
            items = List.copyOf(requireNonNull(items, "items is null"));
            from = List.copyOf(requireNonNull(from, "from is null"));
            requireNonNull(where, "where is null");
            groupBy = List.copyOf(requireNonNull(groupBy, "groupBy is null"));
            requireNonNull(having, "having is null");
        }
    }

    /** {@code VALUES (…), (…)}: rows of expressions, all of one width. */
    record Values(List<List<Expression>> rows, int position) implements QueryBody, Node {
        public Values {
            rows = requireNonNull(rows, "rows is null").stream().map(List::copyOf).toList();
        }
    }
}
