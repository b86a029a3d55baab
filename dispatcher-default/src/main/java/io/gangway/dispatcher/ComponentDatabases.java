package io.gangway.dispatcher;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.catalog.SegmentDescriptor;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A session's component databases: its snapshot of {@code gp_segment_configuration}, which gangs
 * connect to, and the cluster's current configuration, asked whether a segment is marked down.
 * The snapshot changes only through {@link #refresh()} (Greenplum rebuilds it at transaction start).
 */
final class ComponentDatabases {
    private final Supplier<List<SegmentDescriptor>> cluster;
    private volatile List<SegmentDescriptor> snapshot;

    ComponentDatabases(Supplier<List<SegmentDescriptor>> cluster) {
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.snapshot = List.copyOf(cluster.get());
    }

    /** The primary of a content in the snapshot. */
    SegmentDescriptor primary(int content) {
        for (SegmentDescriptor s : snapshot) {
            if (s.content() == content && s.role() == 'p') {
                return s;
            }
        }
        throw new QeConnectFailure("no primary segment for content " + content, false);
    }

    /** The contents of every segment (not the entry db), in order. */
    List<Integer> segmentContents() {
        return snapshot.stream().filter(s -> s.content() >= 0 && s.role() == 'p')
                .map(SegmentDescriptor::content).distinct().sorted().toList();
    }

    /** The contents whose primary the cluster's configuration now marks down (FTS's verdict). */
    Set<Integer> downContents() {
        Set<Integer> down = new HashSet<>();
        for (SegmentDescriptor s : cluster.get()) {
            if (s.role() == 'p' && !s.isUp()) {
                down.add(s.content());
            }
        }
        return down;
    }

    /** Takes a new snapshot if the configuration changed; true if it did. */
    boolean refresh() {
        List<SegmentDescriptor> current = List.copyOf(cluster.get());
        if (current.equals(snapshot)) {
            return false;
        }
        snapshot = current;
        return true;
    }
}
