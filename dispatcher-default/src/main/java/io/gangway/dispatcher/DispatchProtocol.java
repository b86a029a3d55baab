package io.gangway.dispatcher;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/** Framing of the dispatch protocol: a 4-byte big-endian payload length, then the Kryo payload. */
final class DispatchProtocol {
    /** The largest frame accepted (a plan with large VALUES lists stays well under it). */
    static final int MAX_FRAME_LENGTH = 256 * 1024 * 1024;

    static final String FRAME_DECODER = "frame-decoder";
    static final String MESSAGE_DECODER = "message-decoder";
    static final String MESSAGE_ENCODER = "message-encoder";
    static final String HANDLER = "handler";

    private DispatchProtocol() {
    }

    /** Adds the codec handlers, by name, in front of a role's handler. */
    static void addCodec(ChannelPipeline pipeline, KryoSerialization serialization) {
        pipeline.addLast(FRAME_DECODER, new LengthFieldBasedFrameDecoder(MAX_FRAME_LENGTH, 0, 4, 0, 4));
        pipeline.addLast(MESSAGE_DECODER, new DispatchMessageDecoder(serialization));
        pipeline.addLast(MESSAGE_ENCODER, new DispatchMessageEncoder(serialization));
    }
}
