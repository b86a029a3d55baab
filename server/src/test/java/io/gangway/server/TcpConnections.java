package io.gangway.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Counts established TCP connections whose local port is a given one, from the kernel's own tables
 * ({@code /proc/net/tcp}, {@code /proc/net/tcp6}): a segment's dispatcher connections, one per QE,
 * seen from outside every Gangway process.
 *
 * <p>A leak check built on this must never pass for want of a table: where {@code /proc/net/tcp} cannot
 * be read (or {@code /proc/net/tcp6} exists but cannot be read), every count fails with an
 * {@link AssertionError} naming the table. {@code /proc/net/tcp6} alone may be absent: a kernel without
 * IPv6 has no IPv6 connections to count.
 */
final class TcpConnections {
    private static final String ESTABLISHED = "01";
    private static final Path TCP = Path.of("/proc/net/tcp");
    private static final Path TCP6 = Path.of("/proc/net/tcp6");

    private TcpConnections() {
    }

    /** Fails unless connections can be counted here: call it before a test relies on a count of zero. */
    static void requireReadable() {
        tables(TCP, TCP6);
    }

    static int establishedTo(int localPort) {
        return establishedTo(localPort, TCP, TCP6);
    }

    /** {@link #establishedTo(int)} over these tables, for tests of this class. */
    static int establishedTo(int localPort, Path tcp, Path tcp6) {
        int count = 0;
        for (Path table : tables(tcp, tcp6)) {
            try {
                List<String> lines = Files.readAllLines(table);
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.trim().split("\\s+");
                    String local = fields[1];
                    int port = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
                    if (port == localPort && fields[3].equals(ESTABLISHED)) {
                        count++;
                    }
                }
            } catch (IOException e) {
                throw new AssertionError("cannot count TCP connections: reading " + table + " failed", e);
            }
        }
        return count;
    }

    private static List<Path> tables(Path tcp, Path tcp6) {
        if (!Files.isReadable(tcp)) {
            throw new AssertionError("cannot count TCP connections: " + tcp + " is not readable here,"
                    + " and the connection-leak checks need it");
        }
        if (!Files.exists(tcp6)) {
            return List.of(tcp);
        }
        if (!Files.isReadable(tcp6)) {
            throw new AssertionError("cannot count TCP connections: " + tcp6 + " exists but is not readable");
        }
        return List.of(tcp, tcp6);
    }
}
