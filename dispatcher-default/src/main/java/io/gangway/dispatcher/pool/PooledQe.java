package io.gangway.dispatcher.pool;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.dispatch.DispatchStats.DestroyReason;
import io.gangway.spi.dispatch.QeConnection;
import io.gangway.spi.dispatch.QeInfo;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * What the commons pool keeps about one of its QEs: the settings version it was told, the gang it
 * serves, since when it is idle, why it is being destroyed, and whether a pool borrow made it.
 */
final class PooledQe {
    private final QeConnection qe;
    private volatile int settingsVersion;
    private volatile int gangId;
    private volatile @Nullable Instant idleSince;
    private volatile @Nullable DestroyReason destroyReason;
    private boolean fresh = true;

    PooledQe(QeConnection qe, int settingsVersion) {
        this.qe = requireNonNull(qe, "qe is null");
        this.settingsVersion = settingsVersion;
    }

    QeConnection qe() {
        return qe;
    }

    int content() {
        return qe.content();
    }

    boolean isWriter() {
        return qe.isWriter();
    }

    int settingsVersion() {
        return settingsVersion;
    }

    void settingsVersion(int version) {
        settingsVersion = version;
    }

    void lend() {
        idleSince = null;
    }

    void assignGang(int id) {
        gangId = id;
    }

    void idle(Instant now) {
        gangId = 0;
        idleSince = now;
    }

    @Nullable DestroyReason destroyReason() {
        return destroyReason;
    }

    void destroyReason(DestroyReason reason) {
        destroyReason = reason;
    }

    /** True the first time it is asked: tells a borrow that made this QE from one that reused it. */
    boolean takeFresh() {
        boolean was = fresh;
        fresh = false;
        return was;
    }

    QeInfo info() {
        int gang = gangId;
        Instant since = idleSince;
        return new QeInfo(qe.content(), qe.isWriter(), qe.identifier(),
                gang == 0 ? OptionalInt.empty() : OptionalInt.of(gang),
                since == null ? QeInfo.State.BUSY : QeInfo.State.IDLE, Optional.ofNullable(since));
    }
}
