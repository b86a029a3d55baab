package io.gangway.spi.interconnect;

import static java.util.Objects.requireNonNull;

/** A host and port a process listens on (for motions, or for dispatcher connections). */
public record Endpoint(String host, int port) {
    public Endpoint {
        requireNonNull(host, "host is null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
