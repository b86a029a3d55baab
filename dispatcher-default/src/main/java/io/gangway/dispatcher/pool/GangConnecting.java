package io.gangway.dispatcher.pool;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.dispatcher.DispatcherConfig;
import io.gangway.spi.dispatch.QeConnection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Connecting a gang's new QEs concurrently: every connect of a batch is started at once, then
 * awaited together within one budget (the connect timeout of every retry plus the retry waits).
 */
final class GangConnecting {
    private GangConnecting() {
    }

    /**
     * Waits for every connect; the first failure's reason (in gang order), if any. A connect still
     * running when the budget is spent is given to {@code discard} whenever it completes.
     */
    static Optional<String> awaitAll(List<CompletableFuture<QeConnection>> futures, DispatcherConfig config,
            Consumer<QeConnection> discard) {
        long budget = config.connectTimeout().toMillis() * (config.gangCreationRetryCount() + 1L)
                + config.gangCreationRetryTimer().toMillis() * config.gangCreationRetryCount() + 1_000;
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(budget, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.thenAccept(discard));
            throw new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request", e);
        } catch (ExecutionException | TimeoutException e) {
            // Reported below, per member.
        }
        for (CompletableFuture<QeConnection> f : futures) {
            if (!f.isDone()) {
                f.thenAccept(discard);
                return Optional.of("timeout expired waiting for a QE to start");
            }
            if (f.isCompletedExceptionally()) {
                Throwable cause = f.exceptionNow();
                return Optional.of(cause.getMessage() == null ? cause.toString() : cause.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The QE a connect made, or null if it failed or is still running. */
    static @Nullable QeConnection startedOrNull(CompletableFuture<QeConnection> f) {
        return f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
    }

    /** Greenplum's error when a gang cannot be made; {@code detail} is the segment's own reason. */
    static SqlException segmentResources(String detail) {
        return new SqlException(SqlState.GP_SEGMENT_RESOURCES, "failed to acquire resources on one or more segments",
                Optional.of(detail), Optional.empty(), OptionalInt.empty(), null);
    }
}
