package io.gangway.spi.dispatch;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.plan.PlannedStatement;
import java.util.List;
import java.util.Map;

/** What a QD asks of a QE. Every request travels to the QE serialized, so all are plain records. */
public sealed interface DispatchRequest {
    /**
     * Run slice {@code sliceId} of {@code plan} as member {@code memberIndex} of its gang. The slice
     * table gives, per slice, the interconnect endpoints of its gang's members, so senders know
     * where receivers are and receivers know how many senders come.
     */
    record ExecuteSlice(PlannedStatement plan, int sliceId, int memberIndex, SliceTable sliceTable, long commandId)
            implements DispatchRequest {
        public ExecuteSlice {
            requireNonNull(plan, "plan is null");
            requireNonNull(sliceTable, "sliceTable is null");
        }
    }

    /** A utility statement every segment carries out on its own: DDL on the writer gang. */
    record Utility(UtilityCommand command) implements DispatchRequest {
        public Utility {
            requireNonNull(command, "command is null");
        }
    }

    /** {@code SET}: change settings of the QE's session ({@code values} name → text value). */
    record SetSettings(Map<String, String> values) implements DispatchRequest {
        public SetSettings {
            values = Map.copyOf(requireNonNull(values, "values is null"));
        }
    }

    /**
     * Plain SQL text for the QE to run as it stands (Greenplum's {@code CdbDispatchCommand}): sent
     * to the writer QE of every segment. A QE that cannot run SQL text answers {@code 0A000}.
     */
    record SqlText(String sql) implements DispatchRequest {
        public SqlText {
            requireNonNull(sql, "sql is null");
        }
    }

    /**
     * A distributed-transaction protocol command for the writer QE of a segment that took part in
     * the transaction {@code gid} (Greenplum's DTX message). Never cancelled when another QE fails:
     * every writer must answer. A QE without a transaction manager answers {@code 0A000}.
     */
    record Dtx(DtxCommand command, String gid) implements DispatchRequest {
        public Dtx {
            requireNonNull(command, "command is null");
            requireNonNull(gid, "gid is null");
        }
    }

    /** The two-phase-commit commands the coordinator's DTM sends to writer QEs. */
    enum DtxCommand {
        /** {@code PREPARE TRANSACTION gid}: phase one; the QE's local transaction survives a crash from now on. */
        PREPARE,
        /** {@code COMMIT PREPARED gid}: phase two after every participant prepared. */
        COMMIT_PREPARED,
        /** {@code ROLLBACK PREPARED gid}: phase two after a participant failed to prepare. */
        ABORT_PREPARED
    }

    /** The utility commands a QE knows. */
    sealed interface UtilityCommand {
        record CreateTable(TableDescriptor table) implements UtilityCommand {
            public CreateTable {
                requireNonNull(table, "table is null");
            }
        }

        record DropTables(List<TableDescriptor> tables) implements UtilityCommand {
            public DropTables {
                tables = List.copyOf(requireNonNull(tables, "tables is null"));
            }
        }
    }
}
