package io.gangway.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Counts established TCP connections whose local port is a given one, from the kernel's own tables
 * ({@code /proc/net/tcp}, {@code /proc/net/tcp6}): a segment's dispatcher connections, one per QE,
 * seen from outside every Gangway process.
 */
final class TcpConnections {
    private static final String ESTABLISHED = "01";

    private TcpConnections() {
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/net/tcp"));
    }

    static int establishedTo(int localPort) {
        int count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(path);
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.trim().split("\\s+");
                    String local = fields[1];
                    int port = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
                    if (port == localPort && fields[3].equals(ESTABLISHED)) {
                        count++;
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + table, e);
            }
        }
        return count;
    }
}
