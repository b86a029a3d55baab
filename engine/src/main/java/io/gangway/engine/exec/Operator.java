package io.gangway.engine.exec;

import io.gangway.api.Batch;
import java.util.Optional;

/**
 * A pull-based executor operator: each {@link #next()} returns the next non-empty batch of output
 * rows, or empty once there are no more. Used by one thread; {@link #close()} releases the
 * operator and its inputs (scans, motion receivers) and may be called before the end, also after
 * an error, and more than once.
 */
public interface Operator extends AutoCloseable {
    Optional<Batch> next();

    @Override
    void close();
}
