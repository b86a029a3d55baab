package io.gangway.dispatcher.protocol;

import io.gangway.api.ClusterSecret;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * Framing of the dispatch protocol: a 4-byte big-endian payload length, then the Kryo payload. The
 * first frame a QD sends (the startup) carries the cluster's secret and the fingerprint of its
 * serialization's allow-list before its payload; the segment checks both ({@link ClusterSecretCheck})
 * before it decodes anything.
 */
public final class DispatchProtocol {
    /** The largest frame accepted (a plan with large VALUES lists stays well under it). */
    public static final int MAX_FRAME_LENGTH = 256 * 1024 * 1024;

    public static final String FRAME_DECODER = "frame-decoder";
    public static final String SECRET_CHECK = "secret-check";
    public static final String MESSAGE_DECODER = "message-decoder";
    public static final String MESSAGE_ENCODER = "message-encoder";
    public static final String HANDLER = "handler";

    private DispatchProtocol() {
    }

    /** Adds the QD's codec handlers, by name, in front of its handler. */
    public static void addCodec(ChannelPipeline pipeline, KryoSerialization serialization) {
        pipeline.addLast(FRAME_DECODER, new LengthFieldBasedFrameDecoder(MAX_FRAME_LENGTH, 0, 4, 0, 4));
        pipeline.addLast(MESSAGE_DECODER, new DispatchMessageDecoder(serialization));
        pipeline.addLast(MESSAGE_ENCODER, new DispatchMessageEncoder(serialization));
    }

    /** Adds the segment's codec handlers, by name: the secret is checked between framing and decoding. */
    public static void addServerCodec(ChannelPipeline pipeline, KryoSerialization serialization, ClusterSecret secret) {
        pipeline.addLast(FRAME_DECODER, new LengthFieldBasedFrameDecoder(MAX_FRAME_LENGTH, 0, 4, 0, 4));
        pipeline.addLast(SECRET_CHECK, new ClusterSecretCheck(secret, serialization));
        pipeline.addLast(MESSAGE_DECODER, new DispatchMessageDecoder(serialization));
        pipeline.addLast(MESSAGE_ENCODER, new DispatchMessageEncoder(serialization));
    }

    /**
     * The startup frame: its length, the cluster's secret, the allow-list's fingerprint, then the
     * serialized startup message.
     */
    public static ByteBuf startupFrame(ByteBufAllocator alloc, ClusterSecret secret, KryoSerialization serialization,
            byte[] startupPayload) {
        byte[] presented = secret.bytes();
        byte[] fingerprint = serialization.fingerprint();
        int length = presented.length + fingerprint.length + startupPayload.length;
        ByteBuf frame = alloc.buffer(4 + length);
        frame.writeInt(length);
        frame.writeBytes(presented);
        frame.writeBytes(fingerprint);
        frame.writeBytes(startupPayload);
        return frame;
    }
}
