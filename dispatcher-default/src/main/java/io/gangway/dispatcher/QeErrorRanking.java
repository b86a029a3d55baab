package io.gangway.dispatcher;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.dispatch.QeResult.QeError;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Picks the error a failed statement reports, as Greenplum does: a QE's own error beats a lost
 * connection, which beats an interconnect error (usually a side effect of another QE's failure),
 * which beats a cancel (which the QD itself sent after the first error).
 */
final class QeErrorRanking {
    private QeErrorRanking() {
    }

    /** Higher is more informative. {@code synthesized}: made by the QD (connection lost), not reported by a QE. */
    static int rank(SqlState state, boolean synthesized) {
        if (state == SqlState.QUERY_CANCELED) {
            return 0;
        }
        if (state == SqlState.GP_INTERCONNECTION_ERROR) {
            return 1;
        }
        return synthesized ? 2 : 3;
    }

    /** The error as the client sees it: the QE's message with {@code  (seg0 slice1 host:port pid=N)} appended. */
    static SqlException decorate(QeError error, StatementMember member) {
        return new SqlException(error.state(), error.message() + "  (" + member.qe().describe(member.sliceId()) + ")",
                error.detail(), Optional.empty(), OptionalInt.empty(), null);
    }

    static SqlException decorate(SqlException error, StatementMember member) {
        return new SqlException(error.state(), error.getMessage() + "  (" + member.qe().describe(member.sliceId()) + ")",
                error.detail(), error.hint(), OptionalInt.empty(), error);
    }
}
