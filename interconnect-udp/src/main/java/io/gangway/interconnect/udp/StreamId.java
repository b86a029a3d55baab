package io.gangway.interconnect.udp;

import io.gangway.spi.interconnect.MotionStreamKey;

/** One stream of a motion: from sender {@code sender} to receiver {@code receiver}; the unit of sequencing. */
record StreamId(long sessionId, long commandId, int slice, int sender, int receiver) {
    static StreamId of(MotionStreamKey key, int sender, int receiver) {
        return new StreamId(key.sessionId(), key.commandId(), key.sendingSlice(), sender, receiver);
    }

    MotionStreamKey key() {
        return new MotionStreamKey(sessionId, commandId, slice);
    }

    /** The receiving end this stream belongs to. */
    ReceiverId receiverId() {
        return new ReceiverId(key(), receiver);
    }

    @Override
    public String toString() {
        return key() + " sender " + sender + " -> receiver " + receiver;
    }

    /** A receiving QE of a motion. */
    record ReceiverId(MotionStreamKey key, int receiver) {}
}
