package io.gangway.dispatcher;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.util.Pool;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;

/**
 * Serializes dispatch messages (and the plan trees inside them) with Kryo. Kryo instances are not
 * thread-safe, so each encode or decode borrows one from a pool; every type that travels is a
 * record, enum or JDK value, so no registration is needed and references are off (plans are trees).
 */
public final class KryoSerialization {
    private static final int INITIAL_BUFFER = 4096;

    private final Pool<Codec> pool;

    public KryoSerialization() {
        this.pool = new Pool<>(true, false, 64) {
            @Override
            protected Codec create() {
                return new Codec(newKryo(), new Output(INITIAL_BUFFER, DispatchProtocol.MAX_FRAME_LENGTH));
            }
        };
    }

    private static Kryo newKryo() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(false);
        kryo.setReferences(false);
        // Plans and settings are built with List.of / List.copyOf / Map.copyOf, whose JDK-internal
        // classes cannot be rebuilt field by field.
        ImmutableCollectionsSerializers.addDefaultSerializers(kryo);
        kryo.setClassLoader(KryoSerialization.class.getClassLoader());
        return kryo;
    }

    /** The message as bytes (a frame's payload). */
    public byte[] encode(Object message) {
        Codec codec = pool.obtain();
        try {
            Output output = codec.output();
            output.reset();
            codec.kryo().writeClassAndObject(output, message);
            return output.toBytes();
        } catch (KryoException e) {
            throw new SqlException(SqlState.INTERNAL_ERROR, "could not serialize " + message.getClass().getSimpleName()
                    + ": " + e.getMessage(), e);
        } finally {
            codec.output().reset();
            pool.free(codec);
        }
    }

    /** The message a frame's payload holds. */
    public Object decode(byte[] payload) {
        Codec codec = pool.obtain();
        try {
            return codec.kryo().readClassAndObject(new Input(payload));
        } catch (KryoException e) {
            throw new SqlException(SqlState.PROTOCOL_VIOLATION, "could not deserialize a dispatch message: "
                    + e.getMessage(), e);
        } finally {
            pool.free(codec);
        }
    }

    private record Codec(Kryo kryo, Output output) {
    }
}
