package io.gangway.spi;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * What a process tells the services it makes: which role it plays, which shard it serves
 * ({@code contentId}: -1 for the coordinator, 0..N-1 for segments) and the data directory that
 * is its own to write in.
 */
public record ExtensionContext(Role role, int contentId, Path dataDirectory) {
    public enum Role { COORDINATOR, SEGMENT }

    public ExtensionContext {
        requireNonNull(role, "role is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
    }
}
