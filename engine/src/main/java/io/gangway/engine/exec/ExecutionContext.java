package io.gangway.engine.exec;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Settings;
import io.gangway.spi.dispatch.SliceTable;
import io.gangway.spi.interconnect.Interconnect;
import io.gangway.spi.interconnect.MotionStreamKey;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.spi.plan.Slice;
import io.gangway.spi.storage.StorageEngine;
import io.gangway.spi.storage.Visibility;
import java.util.function.Function;

/**
 * What one slice run needs from its process and session.
 *
 * @param sessionId the QD session id (names motion streams)
 * @param commandId the QD's command counter for this statement (names motion streams)
 * @param contentId this process's segment content; -1 on the coordinator
 * @param plan the whole planned statement
 * @param sliceId the slice this run executes
 * @param memberIndex this QE's index in its slice's gang (0 for the QD)
 * @param sliceTable the interconnect endpoints of every slice's gang
 * @param interconnect this process's interconnect
 * @param storage the storage engine named by {@code TableDescriptor.storageEngine()}
 * @param xid the local transaction that writes rows (INSERT)
 * @param visibility which row versions scans see
 * @param cancel the cancel state of this run
 * @param settings the session's settings
 * @param memory what the slice's operators hold in memory, with its peak
 */
public record ExecutionContext(
        long sessionId,
        long commandId,
        int contentId,
        PlannedStatement plan,
        int sliceId,
        int memberIndex,
        SliceTable sliceTable,
        Interconnect interconnect,
        Function<String, StorageEngine> storage,
        long xid,
        Visibility visibility,
        CancelState cancel,
        Settings settings,
        MemoryAccount memory) {
    public ExecutionContext {
        requireNonNull(plan, "plan is null");
        requireNonNull(sliceTable, "sliceTable is null");
        requireNonNull(interconnect, "interconnect is null");
        requireNonNull(storage, "storage is null");
        requireNonNull(visibility, "visibility is null");
        requireNonNull(cancel, "cancel is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(memory, "memory is null");
        if (sliceId < 0 || sliceId >= plan.slices().size()) {
            throw new IllegalArgumentException("slice " + sliceId + " is not in the plan");
        }
    }

    public Slice slice() {
        return plan.slice(sliceId);
    }

    /** The stream key of the motion that {@code sendingSlice} sends through. */
    public MotionStreamKey motionKey(int sendingSlice) {
        return new MotionStreamKey(sessionId, commandId, sendingSlice);
    }
}
