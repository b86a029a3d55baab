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
