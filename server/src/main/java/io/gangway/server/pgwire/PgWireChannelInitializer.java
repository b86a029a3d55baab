package io.gangway.server.pgwire;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The pipeline of a client connection, handlers by name: {@code frame-decoder} ({@link PgFrameDecoder}),
 * {@code message-decoder} ({@link PgMessageDecoder}), {@code message-encoder} ({@link PgMessageEncoder})
 * and {@code handler} ({@link PgWireHandler}). {@code executors} gives each connection the executor
 * its messages run on, in order (a virtual thread in the server, the caller's thread in tests).
 */
final class PgWireChannelInitializer extends ChannelInitializer<Channel> {
    private final PgSessionFactory factory;
    private final PgAuthenticator authenticator;
    private final PgSessionRegistry registry;
    private final Supplier<? extends Executor> executors;
    private final int maxMessageLength;

    PgWireChannelInitializer(PgSessionFactory factory, PgAuthenticator authenticator, PgSessionRegistry registry,
            Supplier<? extends Executor> executors, int maxMessageLength) {
        this.factory = factory;
        this.authenticator = authenticator;
        this.registry = registry;
        this.executors = executors;
        this.maxMessageLength = maxMessageLength;
    }

    @Override
    protected void initChannel(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("frame-decoder", new PgFrameDecoder(maxMessageLength));
        pipeline.addLast("message-decoder", new PgMessageDecoder());
        pipeline.addLast("message-encoder", new PgMessageEncoder());
        pipeline.addLast("handler", new PgWireHandler(factory, authenticator, registry, executors));
    }
}
