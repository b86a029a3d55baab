package io.gangway.interconnect.udp;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;

/** The errors the UDP interconnect's ends raise, worded as Greenplum words them. */
final class UdpErrors {
    private UdpErrors() {}

    static SqlException canceled() {
        return new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
    }

    /** A thread interrupted while it waits on the interconnect is being canceled. */
    static SqlException interrupted() {
        Thread.currentThread().interrupt();
        return canceled();
    }

    static SqlException interconnect(String message) {
        return new SqlException(SqlState.GP_INTERCONNECTION_ERROR, "interconnect error: " + message);
    }

    /** Greenplum's wording for a peer that stopped answering (retransmissions went unacknowledged). */
    static String networkError(String detail) {
        return "interconnect encountered a network error, please check your network: " + detail;
    }
}
