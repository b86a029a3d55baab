package io.gangway.dispatcher;

import com.esotericsoftware.kryo.io.Output;
import io.gangway.dispatcher.protocol.KryoSerialization;

/** Payloads a stranger could send: Kryo's encoding of an object whose class is named by its name, built by hand. */
final class StrangerFrames {
    private StrangerFrames() {
    }

    /**
     * A payload that names {@code className} the way Kryo does for a class it has no number for
     * (tag 1, a name id, the name) followed by nothing an instance would need: a decoder that loads
     * classes by name would load (and, to read it, initialize) the class.
     */
    static byte[] namingClass(String className) {
        try (Output output = new Output(256, -1)) {
            output.writeVarInt(1, true);
            output.writeVarInt(0, true);
            output.writeString(className);
            return output.toBytes();
        }
    }

    /** A payload that names a class by a number no allowed class has. */
    static byte[] unknownClassNumber() {
        try (Output output = new Output(16, -1)) {
            output.writeVarInt(KryoSerialization.FIRST_ID + 10_000 + 2, true);
            return output.toBytes();
        }
    }
}
