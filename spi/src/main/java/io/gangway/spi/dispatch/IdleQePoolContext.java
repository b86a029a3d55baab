package io.gangway.spi.dispatch;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a dispatcher gives the idle QE pool of one QD session: the session's id, its settings at
 * start (the pool reads those it honours, and starts QEs with all of them), the {@link QeConnector}
 * that starts QEs, and {@code downContents}, the contents whose primary the cluster's configuration
 * marks down now (asked at recycle; a QE there is not kept).
 */
public record IdleQePoolContext(long sessionId, Map<String, String> settings, QeConnector connector,
        Supplier<Set<Integer>> downContents) {
    public IdleQePoolContext {
        settings = Map.copyOf(requireNonNull(settings, "settings is null"));
        requireNonNull(connector, "connector is null");
        requireNonNull(downContents, "downContents is null");
    }
}
