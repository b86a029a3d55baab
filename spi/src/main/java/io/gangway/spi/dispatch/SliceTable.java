package io.gangway.spi.dispatch;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.interconnect.Endpoint;
import java.util.List;
import java.util.Map;

/**
 * For each slice of a dispatched statement, the interconnect endpoints of its gang's members, in
 * member order (for the QD's own slice, the coordinator's endpoint). With it a sending QE finds
 * its receivers and a receiving QE knows how many senders to wait for.
 */
public record SliceTable(Map<Integer, List<Endpoint>> members) {
    public SliceTable {
        members = Map.copyOf(requireNonNull(members, "members is null"));
    }

    public List<Endpoint> membersOf(int sliceId) {
        List<Endpoint> list = members.get(sliceId);
        if (list == null) {
            throw new IllegalArgumentException("no slice " + sliceId + " in the slice table");
        }
        return List.copyOf(list);
    }
}
