package io.gangway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leak checks' connection counter: it counts from the kernel's tables, and fails without them. */
class TcpConnectionsTest {
    private static final String HEADER =
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    @TempDir
    Path directory;

    @Test
    void countsEstablishedConnectionsToALocalPortInBothTables() throws IOException {
        // Port 15433 is 0x3C49; state 01 is ESTABLISHED, 0A is LISTEN.
        Path tcp = Files.writeString(directory.resolve("tcp"), HEADER
                + "   0: 0100007F:3C49 0100007F:9C40 01 00000000:00000000 00:00000000 00000000  0 0 1 1\n"
                + "   1: 0100007F:3C49 00000000:0000 0A 00000000:00000000 00:00000000 00000000  0 0 2 1\n"
                + "   2: 0100007F:3C4A 0100007F:9C41 01 00000000:00000000 00:00000000 00000000  0 0 3 1\n");
        Path tcp6 = Files.writeString(directory.resolve("tcp6"), HEADER
                + "   0: 0000000000000000FFFF00000100007F:3C49 0000000000000000FFFF00000100007F:9C42 01"
                + " 00000000:00000000 00:00000000 00000000  0 0 4 1\n");

        assertThat(TcpConnections.establishedTo(15433, tcp, tcp6)).isEqualTo(2);
        assertThat(TcpConnections.establishedTo(15434, tcp, tcp6)).isEqualTo(1);
    }

    @Test
    void aMissingIpv6TableMeansNoIpv6Connections() throws IOException {
        Path tcp = Files.writeString(directory.resolve("tcp"), HEADER
                + "   0: 0100007F:3C49 0100007F:9C40 01 00000000:00000000 00:00000000 00000000  0 0 1 1\n");

        assertThat(TcpConnections.establishedTo(15433, tcp, directory.resolve("tcp6"))).isEqualTo(1);
    }

    @Test
    void anUnreadableIpv4TableFailsTheCountInsteadOfGivingZero() {
        assertThatThrownBy(() -> TcpConnections.establishedTo(15433, directory.resolve("tcp"), directory.resolve("tcp6")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("is not readable here");
    }

    @Test
    void anIpv6TableThatExistsButCannotBeReadFailsTheCount() throws IOException {
        Path tcp = Files.writeString(directory.resolve("tcp"), HEADER);
        // A directory exists and is readable, but is no file: reading it as a table fails.
        Path tcp6 = Files.createDirectory(directory.resolve("tcp6"));

        assertThatThrownBy(() -> TcpConnections.establishedTo(15433, tcp, tcp6))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("reading " + tcp6 + " failed");
    }
}
