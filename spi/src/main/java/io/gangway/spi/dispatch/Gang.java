package io.gangway.spi.dispatch;

import io.gangway.spi.plan.GangType;
import java.util.List;

/** A set of QEs running one slice: one per segment of the slice, or one in all. */
public interface Gang {
    int id();

    GangType type();

    /** The QEs, in the order of the slice's contents. */
    List<QeConnection> members();

    /** Greenplum's {@code GangOK}: every member healthy. */
    default boolean isHealthy() {
        return members().stream().allMatch(QeConnection::isHealthy);
    }
}
