package io.gangway.engine.analyzer;

import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.query.Expr;
import java.util.Optional;
import java.util.OptionalInt;

/** The assignment cast of INSERT: a value stored in a column gets the column's type, or a 42804 error. */
final class Assignment {
    private Assignment() {
    }

    static Expr coerce(Expr value, Column column, int position) {
        if (!Coercion.assignable(value.type(), column.type())) {
            throw new SqlException(SqlState.DATATYPE_MISMATCH,
                    "column \"" + column.name() + "\" is of type " + column.type().displayName()
                            + " but expression is of type " + value.type().displayName(),
                    Optional.empty(), Optional.of("You will need to rewrite or cast the expression."),
                    position > 0 ? OptionalInt.of(position) : OptionalInt.empty(), null);
        }
        return Coercion.cast(value, column.type());
    }
}
