package io.gangway.interconnect.tcp;

import io.gangway.api.ClusterSecret;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * The frame layout of the TCP interconnect: a 4-byte big-endian length of what follows, a type
 * byte, then the payload.
 *
 * <pre>
 *  +--------+------+----------------------------------------------------------------+
 *  | length | type | payload                                                        |
 *  | int32  | byte |                                                                |
 *  +--------+------+----------------------------------------------------------------+
 *   H handshake: version int32, cluster secret 32 bytes, sessionId int64, commandId int64,
 *                sendingSlice int32, senderIndex int32, receiverIndex int32
 *   D data:      the chunk's bytes
 *   E end of stream, S stop: nothing
 *   X error:     the message, UTF-8
 * </pre>
 */
final class IcFrames {
    static final int LENGTH_FIELD_SIZE = 4;
    static final int TYPE_SIZE = 1;
    /** 2: the handshake presents the cluster secret. */
    static final int PROTOCOL_VERSION = 2;
    static final int HANDSHAKE_PAYLOAD_SIZE = 4 + ClusterSecret.LENGTH + 8 + 8 + 4 + 4 + 4;
    /** A whole handshake frame, length field included: the first bytes of every connection. */
    static final int HANDSHAKE_FRAME_SIZE = LENGTH_FIELD_SIZE + TYPE_SIZE + HANDSHAKE_PAYLOAD_SIZE;

    static final byte HANDSHAKE = 'H';
    static final byte DATA = 'D';
    static final byte END_OF_STREAM = 'E';
    static final byte ERROR = 'X';
    static final byte STOP = 'S';

    private IcFrames() {}

    /** Splits the byte stream into frames (length field stripped), refusing frames over {@code maxFrameLength}. */
    static LengthFieldBasedFrameDecoder newFrameDecoder(int maxFrameLength) {
        return new LengthFieldBasedFrameDecoder(
                maxFrameLength + LENGTH_FIELD_SIZE, 0, LENGTH_FIELD_SIZE, 0, LENGTH_FIELD_SIZE);
    }
}
