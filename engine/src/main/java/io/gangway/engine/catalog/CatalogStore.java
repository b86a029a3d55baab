package io.gangway.engine.catalog;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Keeps the coordinator catalog on disk: one file, replaced atomically (write a temporary file,
 * fsync it, rename over the old one, fsync the directory), with a checksum so a damaged file is
 * reported instead of half-read.
 */
final class CatalogStore {
    private static final int MAGIC = 0x47574354; // "GWCT"
    private static final int FORMAT_VERSION = 1;

    private final Path file;

    CatalogStore(Path directory) {
        this.file = directory.resolve("catalog.dat");
    }

    Optional<CatalogState> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file));
            if (buffer.remaining() < 16 || buffer.getInt() != MAGIC || buffer.getInt() != FORMAT_VERSION) {
                throw corrupt("bad header");
            }
            long checksum = buffer.getLong();
            byte[] body = new byte[buffer.remaining()];
            buffer.get(body);
            CRC32C crc = new CRC32C();
            crc.update(body);
            if (crc.getValue() != checksum) {
                throw corrupt("checksum mismatch");
            }
            try (Input input = new Input(body)) {
                return Optional.of(kryo().readObject(input, CatalogState.class));
            }
        } catch (IOException e) {
            throw new SqlException(SqlState.IO_ERROR, "could not read catalog file \"" + file + "\": " + e.getMessage(), e);
        }
    }

    void save(CatalogState state) {
        byte[] body;
        try (Output output = new Output(4096, -1)) {
            kryo().writeObject(output, state);
            body = output.toBytes();
        }
        CRC32C crc = new CRC32C();
        crc.update(body);
        ByteBuffer buffer = ByteBuffer.allocate(16 + body.length);
        buffer.putInt(MAGIC).putInt(FORMAT_VERSION).putLong(crc.getValue()).put(body).flip();
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            }
        } catch (IOException e) {
            throw new SqlException(SqlState.IO_ERROR, "could not write catalog file \"" + file + "\": " + e.getMessage(), e);
        }
    }

    private SqlException corrupt(String why) {
        return new SqlException(SqlState.DATA_CORRUPTED, "catalog file \"" + file + "\" is damaged: " + why);
    }

    private static Kryo kryo() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(false);
        kryo.setReferences(false);
        ImmutableCollectionsSerializers.addDefaultSerializers(kryo);
        return kryo;
    }
}
