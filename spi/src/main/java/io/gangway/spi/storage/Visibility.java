package io.gangway.spi.storage;

/**
 * Decides which row versions a scan sees: the snapshot of the reading transaction. Called once
 * per stored version, from the scanning thread, so it must be cheap and must not block.
 */
@FunctionalInterface
public interface Visibility {
    /** Sees every version, committed or not: for tests and tools, never for queries. */
    Visibility ALL = (xmin, xmax) -> true;

    /** {@code xmax} is 0 for a version nobody removed. */
    boolean isVisible(long xmin, long xmax);
}
