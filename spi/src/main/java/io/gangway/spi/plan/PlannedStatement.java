package io.gangway.spi.plan;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Column;
import java.util.List;

/**
 * A plan ready to dispatch: the whole tree, cut into slices ({@code slices.get(i).id() == i},
 * slice 0 on top) and the columns returned to the client (empty for INSERT, whose top slice
 * outputs a row count per QE). The same planned statement is sent to every QE; each runs only its slice.
 */
public record PlannedStatement(Command command, PlanNode root, List<Slice> slices, List<Column> resultColumns) {
    public enum Command { SELECT, INSERT }

    public PlannedStatement {
        requireNonNull(command, "command is null");
        requireNonNull(root, "root is null");
        slices = List.copyOf(requireNonNull(slices, "slices is null"));
        for (int i = 0; i < slices.size(); i++) {
            if (slices.get(i).id() != i) {
                throw new IllegalArgumentException("slice at index " + i + " has id " + slices.get(i).id());
            }
        }
        resultColumns = List.copyOf(requireNonNull(resultColumns, "resultColumns is null"));
    }

    public Slice slice(int id) {
        return slices.get(id);
    }
}
