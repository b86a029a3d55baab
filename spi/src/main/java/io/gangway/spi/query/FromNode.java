package io.gangway.spi.query;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** The join tree of a query: how its range-table entries combine. */
public sealed interface FromNode {
    enum JoinType { INNER, LEFT, RIGHT, FULL, CROSS }

    /** One range-table entry. */
    record RangeRef(int rangeIndex) implements FromNode {
    }

    /** A join; the condition refers to entries under it. CROSS joins have none. */
    record Join(JoinType type, FromNode left, FromNode right, Optional<Expr> condition) implements FromNode {
        public Join {
            requireNonNull(type, "type is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
            requireNonNull(condition, "condition is null");
        }
    }
}
