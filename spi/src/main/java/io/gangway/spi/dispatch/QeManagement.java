package io.gangway.spi.dispatch;

import static java.util.Objects.requireNonNull;

/**
 * The factories a dispatcher builds each session's QE management from, as the configuration chose
 * them: the idle QE pool ({@value IdleQePoolFactory#SETTING}) and the gang manager
 * ({@value GangManagerFactory#SETTING}). See {@link Dispatcher#openSession(long, java.util.function.Supplier,
 * io.gangway.api.Settings, QeManagement)}.
 */
public record QeManagement(IdleQePoolFactory pools, GangManagerFactory gangManagers) {
    public QeManagement {
        requireNonNull(pools, "pools is null");
        requireNonNull(gangManagers, "gangManagers is null");
    }
}
