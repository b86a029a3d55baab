package io.gangway.server.config;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.catalog.SegmentDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The segments a coordinator's {@code gangway.conf} names: {@code segment.N = host:port:datadir},
 * one per content, turned into the initial {@code gp_segment_configuration} (the coordinator is
 * dbid 1, content -1; segment N is dbid N+2).
 */
public final class SegmentList {
    private SegmentList() {
    }

    public static List<SegmentDescriptor> fromSettings(Map<String, String> settings, String coordinatorHost,
            int coordinatorPort, String coordinatorDirectory) {
        TreeMap<Integer, String> entries = new TreeMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith("segment.")) {
                try {
                    entries.put(Integer.parseInt(key.substring("segment.".length())), value);
                } catch (NumberFormatException e) {
                    throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "bad segment key \"" + key + "\"");
                }
            }
        });
        List<SegmentDescriptor> segments = new ArrayList<>();
        segments.add(new SegmentDescriptor(1, -1, 'p', 'p', 'n', 'u', coordinatorPort, coordinatorHost, coordinatorHost,
                coordinatorDirectory));
        int expected = 0;
        for (Map.Entry<Integer, String> entry : entries.entrySet()) {
            if (entry.getKey() != expected++) {
                throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                        "segment contents must be numbered 0.." + (entries.size() - 1) + " without gaps");
            }
            String[] parts = entry.getValue().split(":", 3);
            if (parts.length != 3) {
                throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                        "segment." + entry.getKey() + " must be host:port:datadir, not \"" + entry.getValue() + "\"");
            }
            int port = Integer.parseInt(parts[1]);
            segments.add(new SegmentDescriptor(entry.getKey() + 2, entry.getKey(), 'p', 'p', 'n', 'u', port, parts[0],
                    parts[0], parts[2]));
        }
        if (segments.size() == 1) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "the coordinator's gangway.conf names no segments");
        }
        return segments;
    }
}
