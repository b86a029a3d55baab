package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** An item of a FROM clause. */
public sealed interface Relation {
    enum JoinType { INNER, LEFT, RIGHT, FULL, CROSS }

    /** A table or view by name, with an optional alias. */
    record Table(QualifiedName name, Optional<String> alias) implements Relation, Node {
        public Table {
            requireNonNull(name, "name is null");
            requireNonNull(alias, "alias is null");
        }

        @Override
        public int position() {
            return name.position();
        }
    }

    /**
     * {@code left [INNER | LEFT | RIGHT | FULL | CROSS] JOIN right [ON condition | USING (columns)]};
     * a CROSS join has neither condition nor USING columns.
     */
    record Join(JoinType type, Relation left, Relation right, Optional<Expression> on, List<String> using)
            implements Relation {
        public Join {
            requireNonNull(type, "type is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
            requireNonNull(on, "on is null");
            using = List.copyOf(requireNonNull(using, "using is null"));
        }
    }

    /** {@code (query) [AS] alias}. */
    record Subquery(Query query, String alias, int position) implements Relation, Node {
        public Subquery {
            requireNonNull(query, "query is null");
            requireNonNull(alias, "alias is null");
        }
    }
}
