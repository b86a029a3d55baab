package io.gangway.spi.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalInt;

/**
 * A slice of a plan: the part between motions, run by every QE of one gang. Slice 0 is the top
 * slice. For every other slice, {@code root} is the {@link PlanNode.Motion} that sends its rows
 * upward (the slice runs the motion's input and sends); {@code parent} is the slice that receives.
 * {@code contents} are the segments its gang spans ({@code [-1]} for the coordinator).
 */
public record Slice(int id, GangType gangType, List<Integer> contents, OptionalInt parent, PlanNode root) {
    public Slice {
        requireNonNull(gangType, "gangType is null");
        contents = List.copyOf(requireNonNull(contents, "contents is null"));
        requireNonNull(parent, "parent is null");
        requireNonNull(root, "root is null");
        if (id != 0 && !(root instanceof PlanNode.Motion)) {
            throw new IllegalArgumentException("slice " + id + " must be rooted at the motion that sends its rows");
        }
    }

    /** True for slices that run on the coordinator (in the QD, or an entry-db reader). */
    public boolean onCoordinator() {
        return gangType == GangType.UNALLOCATED || gangType == GangType.ENTRYDB_READER;
    }
}
