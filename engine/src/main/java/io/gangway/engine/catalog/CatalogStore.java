package io.gangway.engine.catalog;

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
 *
 * <pre>
 * catalog.dat = magic:i32 ("GWCT") version:i32 crc32c:i64 body
 * </pre>
 *
 * The body is {@link CatalogFileFormat}'s, of the version in the header. A file of another version
 * is refused, naming both versions, before anything else of it is read: version 1 was a Kryo dump
 * of the catalog's Java records, which this code no longer reads.
 */
final class CatalogStore {
    private static final int MAGIC = 0x47574354; // "GWCT"
    private static final int HEADER_BYTES = 16;

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
            if (buffer.remaining() < HEADER_BYTES || buffer.getInt() != MAGIC) {
                throw corrupt("not a Gangway catalog file");
            }
            int version = buffer.getInt();
            if (version != CatalogFileFormat.VERSION) {
                throw new SqlException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "catalog file \"" + file
                        + "\" has format version " + version + "; this Gangway reads version " + CatalogFileFormat.VERSION);
            }
            long checksum = buffer.getLong();
            byte[] body = new byte[buffer.remaining()];
            buffer.get(body);
            CRC32C crc = new CRC32C();
            crc.update(body);
            if (crc.getValue() != checksum) {
                throw corrupt("checksum mismatch");
            }
            return Optional.of(CatalogFileFormat.decode(body));
        } catch (CatalogFileFormat.MalformedCatalogException e) {
            throw corrupt(e.getMessage());
        } catch (IOException e) {
            throw new SqlException(SqlState.IO_ERROR, "could not read catalog file \"" + file + "\": " + e.getMessage(), e);
        }
    }

    void save(CatalogState state) {
        byte[] body = CatalogFileFormat.encode(state);
        CRC32C crc = new CRC32C();
        crc.update(body);
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + body.length);
        buffer.putInt(MAGIC).putInt(CatalogFileFormat.VERSION).putLong(crc.getValue()).put(body).flip();
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
}
