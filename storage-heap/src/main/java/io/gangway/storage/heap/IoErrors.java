package io.gangway.storage.heap;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.io.IOException;

/** I/O failures as the errors a client sees: SQLSTATE 58030 with PostgreSQL's wording. */
final class IoErrors {
    private IoErrors() {
    }

    /** {@code what}: "could not read block 3 in file \"base/16384/16384\"", and so on. */
    static SqlException ioError(String what, IOException cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new SqlException(SqlState.IO_ERROR, what + ": " + reason, cause);
    }
}
