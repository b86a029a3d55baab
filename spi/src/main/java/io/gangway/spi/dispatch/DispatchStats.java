package io.gangway.spi.dispatch;

/** Counters of a session's QEs: made (connections opened), reused from the pool, destroyed. */
public record DispatchStats(long qesCreated, long qesReused, long qesDestroyed) {
}
