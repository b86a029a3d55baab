package io.gangway.spi.catalog;

import static java.util.Objects.requireNonNull;

/**
 * One row of {@code gp_segment_configuration}: an instance of the cluster. {@code content} is -1
 * for the coordinator; {@code role} and {@code preferredRole} are {@code p} (primary) or {@code m}
 * (mirror); {@code mode} is {@code s} (synchronized) or {@code n} (not in sync); {@code status} is
 * {@code u} (up) or {@code d} (down). {@code port} is where its postmaster listens for dispatcher
 * connections.
 */
public record SegmentDescriptor(
        int dbid,
        int content,
        char role,
        char preferredRole,
        char mode,
        char status,
        int port,
        String hostname,
        String address,
        String dataDirectory) {
    public SegmentDescriptor {
        requireNonNull(hostname, "hostname is null");
        requireNonNull(address, "address is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
    }

    public boolean isUp() {
        return status == 'u';
    }

    public SegmentDescriptor withStatus(char newStatus) {
        return new SegmentDescriptor(dbid, content, role, preferredRole, mode, newStatus, port, hostname, address, dataDirectory);
    }
}
