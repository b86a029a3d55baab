package io.gangway.spi.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One QE of a QD session as a system view shows it: its segment ({@code content}, -1 for the entry
 * db), whether it is the session's writer there, its {@code qe_identifier}, the gang it serves now
 * (empty while idle), its state, and since when it sits idle in the pool (empty while busy).
 */
public record QeInfo(int content, boolean writer, int identifier, OptionalInt gangId, State state, Optional<Instant> idleSince) {
    /** Whether the QE is lent to a gang. */
    public enum State {
        IDLE,
        BUSY;

        /** {@code idle} or {@code busy}, as the view prints it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public QeInfo {
        requireNonNull(gangId, "gangId is null");
        requireNonNull(state, "state is null");
        requireNonNull(idleSince, "idleSince is null");
    }
}
