package io.gangway.spi.dispatch;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.util.Optional;

/**
 * What one QE reports when a request is done: the rows it processed (inserted, for an INSERT
 * slice), or its error, with the segment it came from; and the most memory the QE has held so far
 * in bytes ({@code peakMemoryBytes}, 0 when it does not say; Greenplum's {@code 'k'} message), by
 * which the pool destroys readers over {@code gp_vmem_protect_gang_cache_limit} at recycle.
 */
public record QeResult(int content, long rowsProcessed, Optional<QeError> error, long peakMemoryBytes) {
    public QeResult {
        requireNonNull(error, "error is null");
        if (peakMemoryBytes < 0) {
            throw new IllegalArgumentException("peakMemoryBytes is negative: " + peakMemoryBytes);
        }
    }

    /** A result that does not report memory. */
    public QeResult(int content, long rowsProcessed, Optional<QeError> error) {
        this(content, rowsProcessed, error, 0);
    }

    public static QeResult success(int content, long rows) {
        return new QeResult(content, rows, Optional.empty());
    }

    /** This result reporting the QE's peak memory. */
    public QeResult withPeakMemory(long bytes) {
        return new QeResult(content, rowsProcessed, error, bytes);
    }

    public static QeResult failure(int content, SqlException e) {
        return new QeResult(content, 0, Optional.of(QeError.of(e)));
    }

    public boolean isSuccess() {
        return error.isEmpty();
    }

    /** An error as it travels from a QE: SQLSTATE, message, detail. */
    public record QeError(String sqlState, String message, Optional<String> detail) {
        public QeError {
            requireNonNull(sqlState, "sqlState is null");
            requireNonNull(message, "message is null");
            requireNonNull(detail, "detail is null");
        }

        public static QeError of(SqlException e) {
            return new QeError(e.state().code(), e.getMessage(), e.detail());
        }

        public SqlState state() {
            return SqlState.fromCode(sqlState);
        }
    }
}
