package io.gangway.server.pgwire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * One framed frontend message: its type byte ({@link #STARTUP} for the untyped packets of the
 * startup phase) and its body, without the type and length words. Reference-counted: the message
 * decoder releases it.
 */
final class PgFrame extends DefaultByteBufHolder {
    /** The type of a startup-phase packet (StartupMessage, SSLRequest, GSSENCRequest, CancelRequest). */
    static final byte STARTUP = 0;

    private final byte type;

    PgFrame(byte type, ByteBuf body) {
        super(body);
        this.type = type;
    }

    byte type() {
        return type;
    }

    @Override
    public String toString() {
        return "PgFrame(" + (type == STARTUP ? "startup" : Character.toString((char) type)) + ", "
                + content().readableBytes() + " bytes)";
    }
}
