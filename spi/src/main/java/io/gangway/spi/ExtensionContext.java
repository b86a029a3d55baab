package io.gangway.spi;

import static java.util.Objects.requireNonNull;

import io.gangway.api.ClusterSecret;
import io.gangway.api.annotations.Experimental;
import java.nio.file.Path;

/**
 * What a process tells the services it makes: which role it plays, which shard it serves
 * ({@code contentId}: -1 for the coordinator, 0..N-1 for segments), the data directory that is its
 * own to write in, and the cluster's secret, which internal connections (QD to QE, interconnect
 * sender to receiver) present and check.
 */
@Experimental("what an extension is handed at start-up is still growing (issue 7)")
public record ExtensionContext(Role role, int contentId, Path dataDirectory, ClusterSecret clusterSecret) {
    public enum Role { COORDINATOR, SEGMENT }

    public ExtensionContext {
        requireNonNull(role, "role is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(clusterSecret, "clusterSecret is null");
    }

    /**
     * A context for tests and embedded use, with {@link ClusterSecret#INSECURE_FOR_TESTS}: processes
     * built this way trust each other and anything that knows the public test secret.
     */
    public ExtensionContext(Role role, int contentId, Path dataDirectory) {
        this(role, contentId, dataDirectory, ClusterSecret.INSECURE_FOR_TESTS);
    }
}
