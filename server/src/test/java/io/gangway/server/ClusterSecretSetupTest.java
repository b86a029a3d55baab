package io.gangway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.ClusterSecret;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.server.cluster.ClusterLayout;
import io.gangway.server.config.GangwayConf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster secret: made once when a cluster is created, in every data directory, and required to start. */
class ClusterSecretSetupTest {
    @TempDir
    Path root;

    @Test
    void creatingAClusterWritesOneSecretIntoEveryDataDirectoryReadableByItsOwnerOnly() throws IOException {
        ClusterLayout layout = new ClusterLayout(root, "127.0.0.1", 25000, 2);
        layout.initialize(Map.of());
        ClusterSecret secret = ClusterSecret.readFrom(layout.coordinatorDirectory());
        for (Path directory : new Path[] {layout.coordinatorDirectory(), layout.segmentDirectory(0), layout.segmentDirectory(1)}) {
            assertThat(ClusterSecret.readFrom(directory)).isEqualTo(secret);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(ClusterSecret.FILE_NAME))))
                    .isEqualTo("rw-------");
        }
        // Writing the configuration again (a new interconnect, say) keeps the cluster's secret.
        layout.initialize(Map.of("gp_interconnect_type", "udp"));
        assertThat(ClusterSecret.readFrom(layout.segmentDirectory(1))).isEqualTo(secret);
        assertThat(secret).isNotEqualTo(ClusterSecret.INSECURE_FOR_TESTS);
    }

    @Test
    void aProcessWithoutTheSecretDoesNotStart() {
        GangwayConf.write(root, "a segment without its secret", Map.of("content", "0", "listen_address", "127.0.0.1",
                "port", "0"));
        assertThatThrownBy(() -> SegmentProcess.start(root, Map.of())).isInstanceOfSatisfying(SqlException.class, e -> {
            assertThat(e.state()).isEqualTo(SqlState.CONFIG_FILE_ERROR);
            assertThat(e.getMessage()).contains(root.resolve(ClusterSecret.FILE_NAME).toString(), "is missing");
        });
    }
}
