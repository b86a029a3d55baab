package io.gangway.interconnect.tcp;

import static java.util.Objects.requireNonNull;

import io.gangway.api.ClusterSecret;
import io.gangway.spi.interconnect.MotionStreamKey;

/**
 * The messages of the TCP interconnect protocol, one per frame. Senders write {@link Handshake}
 * first, then {@link Data}, and end with {@link EndOfStream} or {@link Error}; receivers write
 * {@link Stop} (or {@link Error}, when they refuse a stream).
 */
sealed interface IcMessage {
    /**
     * Names the stream a new connection carries (the motion, the sender's and the receiver's index)
     * and presents the cluster's secret, without which the receiver hangs up.
     */
    record Handshake(MotionStreamKey key, int senderIndex, int receiverIndex, ClusterSecret secret) implements IcMessage {
        public Handshake {
            requireNonNull(key, "key is null");
            requireNonNull(secret, "secret is null");
            if (senderIndex < 0 || receiverIndex < 0) {
                throw new IllegalArgumentException("negative index: sender " + senderIndex + ", receiver " + receiverIndex);
            }
        }
    }

    /** One chunk (an encoded batch). The array is owned by the message: nobody changes it once sent. */
    record Data(byte[] chunk) implements IcMessage {
        public Data {
            requireNonNull(chunk, "chunk is null");
        }
    }

    /** The sender has sent its last chunk. */
    record EndOfStream() implements IcMessage {
        static final EndOfStream INSTANCE = new EndOfStream();
    }

    /** The stream ends in failure; the peer raises {@code message}. */
    record Error(String message) implements IcMessage {
        public Error {
            requireNonNull(message, "message is null");
        }
    }

    /** From receiver to sender: no more chunks are wanted. */
    record Stop() implements IcMessage {
        static final Stop INSTANCE = new Stop();
    }
}
