package io.gangway.engine.catalog;

import io.gangway.api.Column;
import io.gangway.api.SqlType;
import io.gangway.api.TypeKind;
import io.gangway.spi.catalog.DistributionPolicy;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.catalog.ViewDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of the catalog file, format version {@value #VERSION}: an explicit encoding of a
 * {@link CatalogState} that names no Java class and follows no record's components, so renaming a
 * field in the code cannot change what a data directory means. Every number is big-endian
 * ({@link DataOutputStream}); the file header (magic, version, checksum) is {@link CatalogStore}'s.
 *
 * <pre>
 * body         = nextObjectId:i64 configurationVersion:i64
 *                count:i32 segment*   (in gp_segment_configuration order)
 *                count:i32 table*     (by qualified name, so equal catalogs give equal bytes)
 *                count:i32 view*      (by qualified name)
 * segment      = dbid:i32 content:i32 role:u16 preferredRole:u16 mode:u16 status:u16 port:i32
 *                hostname:string address:string dataDirectory:string
 * table        = id:i64 schema:string name:string count:i32 (column notNull:bool)* distribution
 *                storageEngine:string count:i32 (key:string value:string)*   (options by key)
 * view         = id:i64 schema:string name:string count:i32 column* queryText:string
 * column       = name:string type
 * type         = oid:i32 precision:i32 scale:i32   (PostgreSQL's type OID of the kind; -1 = no modifier)
 * distribution = 1:u8 numSegments:i32 count:i32 keyColumn:i32*   hashed by these column indexes
 *              | 2:u8 numSegments:i32                             random
 *              | 3:u8 numSegments:i32                             replicated
 * string       = length:i32 bytes:u8[length]   (UTF-8)
 * bool         = 0 | 1 :u8
 * u16          = a UTF-16 code unit (DataOutputStream.writeChar)
 * </pre>
 *
 * A change to this layout is a new version: {@link CatalogStore} refuses a version it does not read,
 * and the file of each released version stays under {@code src/test/resources/catalog/} with a test
 * that reads it.
 */
final class CatalogFileFormat {
    /** The format version this code writes and reads. */
    static final int VERSION = 2;

    private static final int HASHED = 1;
    private static final int RANDOM = 2;
    private static final int REPLICATED = 3;
    /** Column types by PostgreSQL type OID: the file names a type the way the wire protocol does. */
    private static final Map<Integer, TypeKind> KINDS_BY_OID = kindsByOid();

    private CatalogFileFormat() {
    }

    static byte[] encode(CatalogState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(state.nextObjectId());
            out.writeLong(state.configurationVersion());
            out.writeInt(state.segments().size());
            for (SegmentDescriptor segment : state.segments()) {
                writeSegment(out, segment);
            }
            out.writeInt(state.tables().size());
            for (TableDescriptor table : new TreeMap<>(state.tables()).values()) {
                writeTable(out, table);
            }
            out.writeInt(state.views().size());
            for (ViewDescriptor view : new TreeMap<>(state.views()).values()) {
                writeView(out, view);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a body written by {@link #encode}.
     *
     * @throws MalformedCatalogException if the bytes do not hold one whole, valid catalog
     */
    static CatalogState decode(byte[] body) throws MalformedCatalogException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        try {
            long nextObjectId = in.readLong();
            long configurationVersion = in.readLong();
            List<SegmentDescriptor> segments = new ArrayList<>();
            for (int i = count(in); i > 0; i--) {
                segments.add(readSegment(in));
            }
            Map<String, TableDescriptor> tables = new HashMap<>();
            for (int i = count(in); i > 0; i--) {
                TableDescriptor table = readTable(in);
                if (tables.put(table.qualifiedName(), table) != null) {
                    throw new MalformedCatalogException("table " + table.qualifiedName() + " appears twice");
                }
            }
            Map<String, ViewDescriptor> views = new HashMap<>();
            for (int i = count(in); i > 0; i--) {
                ViewDescriptor view = readView(in);
                if (views.put(view.schema() + "." + view.name(), view) != null) {
                    throw new MalformedCatalogException("view " + view.schema() + "." + view.name() + " appears twice");
                }
            }
            if (in.available() > 0) {
                throw new MalformedCatalogException(in.available() + " bytes after the last view");
            }
            return new CatalogState(tables, views, segments, nextObjectId, configurationVersion);
        } catch (EOFException e) {
            throw new MalformedCatalogException("truncated");
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory failed", e);
        } catch (IllegalArgumentException e) {
            throw new MalformedCatalogException(e.getMessage());
        }
    }

    private static void writeSegment(DataOutputStream out, SegmentDescriptor s) throws IOException {
        out.writeInt(s.dbid());
        out.writeInt(s.content());
        out.writeChar(s.role());
        out.writeChar(s.preferredRole());
        out.writeChar(s.mode());
        out.writeChar(s.status());
        out.writeInt(s.port());
        writeString(out, s.hostname());
        writeString(out, s.address());
        writeString(out, s.dataDirectory());
    }

    private static SegmentDescriptor readSegment(DataInputStream in) throws IOException, MalformedCatalogException {
        return new SegmentDescriptor(in.readInt(), in.readInt(), in.readChar(), in.readChar(), in.readChar(),
                in.readChar(), in.readInt(), readString(in), readString(in), readString(in));
    }

    private static void writeTable(DataOutputStream out, TableDescriptor t) throws IOException {
        out.writeLong(t.id());
        writeString(out, t.schema());
        writeString(out, t.name());
        out.writeInt(t.columns().size());
        for (int i = 0; i < t.columns().size(); i++) {
            writeColumn(out, t.columns().get(i));
            out.writeBoolean(t.notNull().get(i));
        }
        writeDistribution(out, t.distribution());
        writeString(out, t.storageEngine());
        Map<String, String> options = new TreeMap<>(t.storageOptions());
        out.writeInt(options.size());
        for (Map.Entry<String, String> option : options.entrySet()) {
            writeString(out, option.getKey());
            writeString(out, option.getValue());
        }
    }

    private static TableDescriptor readTable(DataInputStream in) throws IOException, MalformedCatalogException {
        long id = in.readLong();
        String schema = readString(in);
        String name = readString(in);
        List<Column> columns = new ArrayList<>();
        List<Boolean> notNull = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            columns.add(readColumn(in));
            notNull.add(readBoolean(in));
        }
        DistributionPolicy distribution = readDistribution(in);
        String storageEngine = readString(in);
        Map<String, String> options = new HashMap<>();
        for (int i = count(in); i > 0; i--) {
            options.put(readString(in), readString(in));
        }
        return new TableDescriptor(id, schema, name, columns, notNull, distribution, storageEngine, options);
    }

    private static void writeView(DataOutputStream out, ViewDescriptor v) throws IOException {
        out.writeLong(v.id());
        writeString(out, v.schema());
        writeString(out, v.name());
        out.writeInt(v.columns().size());
        for (Column column : v.columns()) {
            writeColumn(out, column);
        }
        writeString(out, v.queryText());
    }

    private static ViewDescriptor readView(DataInputStream in) throws IOException, MalformedCatalogException {
        long id = in.readLong();
        String schema = readString(in);
        String name = readString(in);
        List<Column> columns = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            columns.add(readColumn(in));
        }
        return new ViewDescriptor(id, schema, name, columns, readString(in));
    }

    private static void writeColumn(DataOutputStream out, Column column) throws IOException {
        writeString(out, column.name());
        out.writeInt(column.type().kind().oid());
        out.writeInt(column.type().precision());
        out.writeInt(column.type().scale());
    }

    private static Column readColumn(DataInputStream in) throws IOException, MalformedCatalogException {
        String name = readString(in);
        int oid = in.readInt();
        TypeKind kind = KINDS_BY_OID.get(oid);
        if (kind == null) {
            throw new MalformedCatalogException("column \"" + name + "\" has unknown type oid " + oid);
        }
        return new Column(name, new SqlType(kind, in.readInt(), in.readInt()));
    }

    private static void writeDistribution(DataOutputStream out, DistributionPolicy policy) throws IOException {
        switch (policy) {
            case DistributionPolicy.Hashed hashed -> {
                out.writeByte(HASHED);
                out.writeInt(hashed.numSegments());
                out.writeInt(hashed.keyColumns().size());
                for (int column : hashed.keyColumns()) {
                    out.writeInt(column);
                }
            }
            case DistributionPolicy.Random random -> {
                out.writeByte(RANDOM);
                out.writeInt(random.numSegments());
            }
            case DistributionPolicy.Replicated replicated -> {
                out.writeByte(REPLICATED);
                out.writeInt(replicated.numSegments());
            }
        }
    }

    private static DistributionPolicy readDistribution(DataInputStream in) throws IOException, MalformedCatalogException {
        int tag = in.readUnsignedByte();
        int numSegments = in.readInt();
        return switch (tag) {
            case HASHED -> {
                List<Integer> keyColumns = new ArrayList<>();
                for (int i = count(in); i > 0; i--) {
                    keyColumns.add(in.readInt());
                }
                yield new DistributionPolicy.Hashed(keyColumns, numSegments);
            }
            case RANDOM -> new DistributionPolicy.Random(numSegments);
            case REPLICATED -> new DistributionPolicy.Replicated(numSegments);
            default -> throw new MalformedCatalogException("unknown distribution tag " + tag);
        };
    }

    private static boolean readBoolean(DataInputStream in) throws IOException, MalformedCatalogException {
        int b = in.readUnsignedByte();
        if (b > 1) {
            throw new MalformedCatalogException("boolean byte " + b);
        }
        return b == 1;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException, MalformedCatalogException {
        byte[] bytes = new byte[bounded(in, in.readInt())];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException, MalformedCatalogException {
        return bounded(in, in.readInt());
    }

    /** A length or count read from the file, refused when the rest of the body could not hold it. */
    private static int bounded(DataInputStream in, int n) throws IOException, MalformedCatalogException {
        if (n < 0) {
            throw new MalformedCatalogException("a negative length " + n);
        }
        if (n > in.available()) {
            throw new MalformedCatalogException("truncated: a length of " + n + " with " + in.available() + " bytes left");
        }
        return n;
    }

    private static Map<Integer, TypeKind> kindsByOid() {
        Map<Integer, TypeKind> kinds = new HashMap<>();
        for (TypeKind kind : TypeKind.values()) {
            kinds.put(kind.oid(), kind);
        }
        return Map.copyOf(kinds);
    }

    /** The body is not a valid catalog of this version; the message says where it went wrong. */
    static final class MalformedCatalogException extends Exception {
        MalformedCatalogException(String message) {
            super(message);
        }
    }
}
