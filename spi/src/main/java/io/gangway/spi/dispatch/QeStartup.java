package io.gangway.spi.dispatch;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What a QD tells a new QE when it connects (Greenplum's {@code gpqeid} and {@code options}): the
 * QD session it serves, the segment, whether it is the session's writer there, its identifier in
 * the session, and the session's settings.
 */
public record QeStartup(long sessionId, int content, boolean writer, int identifier, Map<String, String> settings) {
    public QeStartup {
        settings = Map.copyOf(requireNonNull(settings, "settings is null"));
    }
}
