package io.gangway.spi.interconnect;

/**
 * Names one motion of one statement: the QD session, its command counter, and the sending slice
 * (each slice sends through exactly one motion). Streams of the motion are told apart by the
 * sender's and receiver's indexes within their gangs.
 */
public record MotionStreamKey(long sessionId, long commandId, int sendingSlice) {
    @Override
    public String toString() {
        return "con" + sessionId + "/cmd" + commandId + "/slice" + sendingSlice;
    }
}
