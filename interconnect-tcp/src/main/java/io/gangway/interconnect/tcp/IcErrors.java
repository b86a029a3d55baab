package io.gangway.interconnect.tcp;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;

/** The errors interconnect ends raise, worded as Greenplum words them. */
final class IcErrors {
    private IcErrors() {}

    static SqlException canceled() {
        return new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
    }

    static SqlException interconnect(String message) {
        return new SqlException(SqlState.GP_INTERCONNECTION_ERROR, "interconnect error: " + message);
    }

    static SqlException interconnect(String message, Throwable cause) {
        return new SqlException(SqlState.GP_INTERCONNECTION_ERROR, "interconnect error: " + message, cause);
    }

    /** A thread interrupted while it waits on the interconnect is being canceled. */
    static SqlException interrupted() {
        Thread.currentThread().interrupt();
        return canceled();
    }

    /** Text for a throwable from Netty: its message, or its class when it has none. */
    static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
