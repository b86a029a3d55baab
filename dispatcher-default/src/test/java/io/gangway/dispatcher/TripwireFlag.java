package io.gangway.dispatcher;

import java.util.concurrent.atomic.AtomicBoolean;

/** Set once {@link Tripwire}'s class is initialized; kept apart so reading it does not initialize {@link Tripwire}. */
final class TripwireFlag {
    static final AtomicBoolean TRIPPED = new AtomicBoolean();

    private TripwireFlag() {
    }
}
