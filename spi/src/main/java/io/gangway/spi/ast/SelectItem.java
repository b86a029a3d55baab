package io.gangway.spi.ast;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** An item of a select list. */
public sealed interface SelectItem {
    /** {@code *} or {@code t.*}. */
    record AllColumns(Optional<String> qualifier, int position) implements SelectItem, Node {
        public AllColumns {
            requireNonNull(qualifier, "qualifier is null");
        }
    }

    /** {@code expression [[AS] alias]}. */
    record Single(Expression expression, Optional<String> alias) implements SelectItem {
        public Single {
            requireNonNull(expression, "expression is null");
            requireNonNull(alias, "alias is null");
        }
    }
}
