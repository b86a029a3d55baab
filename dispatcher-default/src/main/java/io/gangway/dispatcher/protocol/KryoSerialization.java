package io.gangway.dispatcher.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import com.esotericsoftware.kryo.util.Pool;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Serializes dispatch messages (and the plan trees inside them) with Kryo, allowing only the
 * classes of {@link SerializableClasses}: registration is required, each allowed class has a
 * number given by its place in the list (the same on the QD and every QE built from the same
 * classes), a frame names classes by those numbers only, and a frame that names a class by its name
 * or by an unknown number is refused before any class is looked up, let alone instantiated.
 *
 * <p>Kryo instances are not thread-safe, so each encode or decode borrows one from a pool.
 * References are off (plans are trees).
 */
public final class KryoSerialization {
    /** The first number given to an allowed class; Kryo's own registrations (primitives, String) are below. */
    public static final int FIRST_ID = 100;
    /** Bytes of {@link #fingerprint()}. */
    public static final int FINGERPRINT_LENGTH = 8;
    private static final int INITIAL_BUFFER = 4096;

    private final List<Class<?>> allowed;
    private final byte[] fingerprint;
    private final Pool<Codec> pool;

    /** The protocol's classes only. */
    public KryoSerialization() {
        this(List.of());
    }

    /**
     * The protocol's classes and the classes {@code extensionClasses} name (what an extension's plans
     * or values carry, from whatever class loader loaded them). Both ends must be given the same.
     */
    public KryoSerialization(Collection<Class<?>> extensionClasses) {
        this.allowed = SerializableClasses.with(extensionClasses);
        this.fingerprint = fingerprintOf(allowed);
        this.pool = new Pool<>(true, false, 64) {
            @Override
            protected Codec create() {
                return new Codec(newKryo(), new Output(INITIAL_BUFFER, DispatchProtocol.MAX_FRAME_LENGTH));
            }
        };
    }

    /** The allowed classes in registration order (their numbers are {@link #FIRST_ID} onward). */
    public List<Class<?>> allowedClasses() {
        return allowed;
    }

    /**
     * {@value #FINGERPRINT_LENGTH} bytes that differ, but for a vanishing chance, between two
     * allow-lists that number any class differently: a QD presents it at startup and a QE with
     * another list (other extensions) refuses it before decoding a frame it would misread.
     */
    public byte[] fingerprint() {
        return fingerprint.clone();
    }

    /** Whether {@code presented} is this allow-list's fingerprint. */
    public boolean matchesFingerprint(byte[] presented) {
        return MessageDigest.isEqual(fingerprint, presented);
    }

    private static byte[] fingerprintOf(List<Class<?>> allowed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Class<?> type : allowed) {
                sha.update((type.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return Arrays.copyOf(sha.digest(), FINGERPRINT_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private Kryo newKryo() {
        Kryo kryo = new Kryo(new AllowListClassResolver(), null);
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        // Plans and settings are built with List.of / List.copyOf / Map.copyOf, whose JDK-internal
        // classes cannot be rebuilt field by field.
        ImmutableCollectionsSerializers.addDefaultSerializers(kryo);
        int id = FIRST_ID;
        for (Class<?> type : allowed) {
            kryo.register(type, id++);
        }
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
        } catch (KryoException | IllegalArgumentException e) {
            throw new SqlException(SqlState.INTERNAL_ERROR, "could not serialize " + message.getClass().getSimpleName()
                    + ": " + e.getMessage(), e);
        } finally {
            codec.output().reset();
            pool.free(codec);
        }
    }

    /** The message a frame's payload holds; {@code 08P01} for anything but allowed classes. */
    public Object decode(byte[] payload) {
        Codec codec = pool.obtain();
        try {
            return codec.kryo().readClassAndObject(new Input(payload));
        } catch (KryoException | IllegalArgumentException e) {
            throw new SqlException(SqlState.PROTOCOL_VIOLATION, "could not deserialize a dispatch message: "
                    + e.getMessage(), e);
        } finally {
            pool.free(codec);
        }
    }

    private record Codec(Kryo kryo, Output output) {
    }

    /** Kryo's resolver, except that a class named by its name is refused before the name is even read. */
    private static final class AllowListClassResolver extends DefaultClassResolver {
        @Override
        protected Registration readName(Input input) {
            throw new KryoException("a dispatch frame named a class by its name; only the protocol's classes are allowed");
        }
    }
}
