package io.gangway.interconnect.support;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;

/** The errors interconnect ends raise, worded as Greenplum words them. */
public final class IcErrors {
    private IcErrors() {}

    /** {@code 57014}: the end was closed from another thread (the statement is being canceled). */
    public static SqlException canceled() {
        return new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
    }

    /** A thread interrupted while it waits on the interconnect is being canceled; keeps its interrupt status. */
    public static SqlException interrupted() {
        Thread.currentThread().interrupt();
        return canceled();
    }

    /** {@code 08M01}: a stream broke or was refused; {@code message} says which and why. */
    public static SqlException interconnect(String message) {
        return new SqlException(SqlState.GP_INTERCONNECTION_ERROR, "interconnect error: " + message);
    }

    public static SqlException interconnect(String message, Throwable cause) {
        return new SqlException(SqlState.GP_INTERCONNECTION_ERROR, "interconnect error: " + message, cause);
    }

    /** A call on an interconnect that was closed (its process is shutting down). */
    public static SqlException closed() {
        return interconnect("interconnect is closed");
    }

    /** Greenplum's wording for a peer that stopped answering. */
    public static String networkError(String detail) {
        return "interconnect encountered a network error, please check your network: " + detail;
    }

    /** Text for a throwable from a transport library: its message, or its class when it has none. */
    public static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
