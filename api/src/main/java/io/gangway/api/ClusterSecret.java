package io.gangway.api;

import static java.util.Objects.requireNonNull;

import io.gangway.api.annotations.Experimental;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret a cluster's processes share, made once when the cluster is created and kept in
 * {@value #FILE_NAME} (mode 0600) in every data directory. Internal connections present it: the QD
 * when it opens a QE, an interconnect sender when it opens a stream. A peer that cannot present it
 * is a stranger and is dropped before anything it sent is decoded.
 *
 * <p>Compared in constant time; {@link #toString()} never shows it.
 */
@Experimental("new with the internal-protocol hardening (issue 7)")
public final class ClusterSecret {
    public static final String FILE_NAME = "cluster.secret";
    /** Bytes of a secret: 256 bits. */
    public static final int LENGTH = 32;

    /**
     * A fixed, publicly known secret for tests and embedded use that start processes without a
     * data directory of a real cluster. Never written to a data directory; a server never uses it.
     */
    public static final ClusterSecret INSECURE_FOR_TESTS = new ClusterSecret(
            "gangway-insecure-test-secret-000".getBytes(StandardCharsets.US_ASCII));

    private final byte[] bytes;

    private ClusterSecret(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a cluster secret has " + LENGTH + " bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    /** A new random secret, for a cluster being created. */
    public static ClusterSecret generate() {
        byte[] bytes = new byte[LENGTH];
        new SecureRandom().nextBytes(bytes);
        return new ClusterSecret(bytes);
    }

    public static ClusterSecret of(byte[] bytes) {
        return new ClusterSecret(requireNonNull(bytes, "bytes is null"));
    }

    /** Reads the secret of the data directory; a missing or malformed file is an error naming it. */
    public static ClusterSecret readFrom(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return new ClusterSecret(HexFormat.of().parseHex(text));
        } catch (NoSuchFileException e) {
            throw new SqlException(SqlState.CONFIG_FILE_ERROR, "cluster secret file \"" + file
                    + "\" is missing; it is made when the cluster is created", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new SqlException(SqlState.CONFIG_FILE_ERROR, "cannot read cluster secret file \"" + file + "\": "
                    + e.getMessage(), e);
        }
    }

    /** Whether {@code dataDirectory} holds a secret file. */
    public static boolean existsIn(Path dataDirectory) {
        return Files.exists(dataDirectory.resolve(FILE_NAME));
    }

    /** Writes the secret into {@code dataDirectory} with mode 0600 (where the file system has modes), fsync'd. */
    public void writeTo(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDirectory);
            Path temp = dataDirectory.resolve(FILE_NAME + ".tmp");
            Files.deleteIfExists(temp);
            if (dataDirectory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temp);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap((HexFormat.of().formatHex(bytes) + "\n").getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SqlException(SqlState.IO_ERROR, "cannot write cluster secret file \"" + file + "\": " + e.getMessage(), e);
        }
    }

    /** A copy of the secret's bytes, to present to a peer. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Whether {@code presented} is this secret, compared in constant time. */
    public boolean matches(byte[] presented) {
        return MessageDigest.isEqual(bytes, requireNonNull(presented, "presented is null"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClusterSecret that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return bytes[0] ^ (bytes[1] << 8);
    }

    @Override
    public String toString() {
        return "ClusterSecret[redacted]";
    }
}
