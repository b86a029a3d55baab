package io.gangway.engine.qe;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.engine.txn.LocalTransactionManager;
import io.gangway.spi.interconnect.Interconnect;
import io.gangway.spi.parser.Parser;
import io.gangway.spi.storage.StorageEngine;
import java.util.Map;

/**
 * What every QE of a segment process shares: its content id, interconnect, storage engines by name,
 * transactions, and a parser for the SQL text a QD may dispatch ({@code SET}, {@code RESET}).
 */
public record SegmentServices(
        int contentId,
        Interconnect interconnect,
        Map<String, StorageEngine> storageEngines,
        LocalTransactionManager transactions,
        Parser parser,
        Settings settings) {
    public SegmentServices {
        requireNonNull(interconnect, "interconnect is null");
        storageEngines = Map.copyOf(requireNonNull(storageEngines, "storageEngines is null"));
        requireNonNull(transactions, "transactions is null");
        requireNonNull(parser, "parser is null");
        requireNonNull(settings, "settings is null");
    }

    /** The storage engine a table names; PostgreSQL's error for an unknown access method. */
    public StorageEngine storage(String name) {
        StorageEngine engine = storageEngines.get(name);
        if (engine == null) {
            throw new SqlException(SqlState.UNDEFINED_OBJECT, "access method \"" + name + "\" does not exist");
        }
        return engine;
    }
}
